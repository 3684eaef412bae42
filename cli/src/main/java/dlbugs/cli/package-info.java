/**
 * The {@code dlbugs} command line (picocli): one {@code *Command} per verb ({@code train},
 * {@code evaluate}, {@code classify}, {@code corpus}, {@code label-repo}, {@code triage},
 * {@code datasets fetch}; {@code label-repos} is registered from the {@code label} module, where
 * its {@code spark-submit} entry point lives), the progress meters and the exit codes. Commands
 * write through the command line's streams and return exit codes; failures map to codes in one
 * place, {@link dlbugs.cli.DlbugsCommand}.
 */
package dlbugs.cli;
