/**
 * Writing the files dlbugs produces (bundles, reports, corpus files) safely. {@link
 * dlbugs.model.io.AtomicFile} writes next to the target and moves into place, so a reader sees the
 * old file or the whole new one, and the file gets the permissions the user's umask gives any new
 * file. Both modules use it: {@code model} for bundles, {@code train} for everything else.
 */
package dlbugs.model.io;
