package dlbugs.model.corpus;

/** Where a labelled unit comes from. */
public enum Source { GITHUB, STACKOVERFLOW }
