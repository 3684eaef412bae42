/**
 * Rebuilds the corpus from its public sources ({@code dlbugs datasets fetch}): the study's
 * published files checked against their sizes and SHA-256 ({@link dlbugs.datasets.Downloads}), the
 * questions through the Stack Exchange API ({@link dlbugs.datasets.StackExchange}) and the linked
 * commits and file excerpts with JGit ({@link dlbugs.datasets.Commits}), written in the schema the
 * importer of {@code dlbugs.model.corpus} reads. The corpus itself is documented in this module's
 * {@code README.md}; the project never copies it.
 */
package dlbugs.datasets;
