package dlbugs.model.corpus;

/**
 * How trustworthy a unit's labels are. Gold: labelled by the study's authors. Silver: annotated
 * once for this project, noisier. Corrected: set by a person who uses dlbugs (a correction made
 * on the page, through the API or the CLI, or on GitHub, and accepted): it overrides a silver
 * label of the same report and weighs as gold in the loss, but is never shown as a known bug and is
 * scored in a slice of its own, not with the study's gold.
 */
public enum Quality { GOLD, SILVER, CORRECTED }
