/**
 * The {@code dlbugs} command line (picocli): {@code train}, {@code classify}, {@code corpus}.
 * Commands write through the command line's streams and return exit codes; failures map to
 * codes in one place, {@link dlbugs.train.cli.DlbugsCommand}.
 */
package dlbugs.train.cli;
