/**
 * What dlbugs predicts: the heads of the Islam et al. (ESEC/FSE 2019) taxonomy plus pipeline
 * stage and fix pattern, each a closed label set with definitions ({@link dlbugs.model.taxonomy.Taxonomy}),
 * and the table that folds the spreadsheets' spelling variants onto those labels
 * ({@link dlbugs.model.taxonomy.LabelNormalizer}).
 */
package dlbugs.model.taxonomy;
