/**
 * The {@code label-repos} command, and the {@code main} that {@code spark-submit} runs; the
 * {@code dlbugs} CLI registers the same command as a subcommand.
 */
package dlbugs.label.cli;
