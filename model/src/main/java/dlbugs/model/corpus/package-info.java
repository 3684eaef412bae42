/**
 * Reads the corpus directory (the study's label spreadsheets, the commit, file and post caches,
 * stage annotations, fix patterns, the silver simba2024 posts and the silver GitHub issues) into
 * labelled units. {@link dlbugs.model.corpus.CorpusImporter} consumes a
 * {@link dlbugs.model.corpus.CorpusLayout} and produces a {@link dlbugs.model.corpus.Corpus} with an
 * {@link dlbugs.model.corpus.ImportReport} of what was read, joined and dropped.
 * {@link dlbugs.model.corpus.BugReport} is also the predictor's input.
 */
package dlbugs.model.corpus;
