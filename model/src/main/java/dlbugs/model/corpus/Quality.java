package dlbugs.model.corpus;

/** Gold: labelled by the study's authors. Silver: annotated once for this project, noisier. */
public enum Quality { GOLD, SILVER }
