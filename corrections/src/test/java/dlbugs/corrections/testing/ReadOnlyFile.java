package dlbugs.corrections.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes a file read-only for this process: its permissions for an ordinary user; for root, whom
 * permissions do not stop, the file system's immutable attribute ({@code chattr +i}).
 */
public final class ReadOnlyFile implements AutoCloseable {

    private final Path file;
    private final boolean immutable;

    private ReadOnlyFile(Path file, boolean immutable) {
        this.file = file;
        this.immutable = immutable;
    }

    /** @return the file, made read-only until {@link #close()} */
    public static ReadOnlyFile of(Path file) throws IOException, InterruptedException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        if (Files.isWritable(file)) {
            if (new ProcessBuilder("chattr", "+i", file.toString()).inheritIO().start().waitFor() != 0) {
                throw new IllegalStateException("cannot make " + file + " read-only for root (chattr +i failed)");
            }
            return new ReadOnlyFile(file, true);
        }
        return new ReadOnlyFile(file, false);
    }

    @Override
    public void close() throws IOException {
        try {
            if (immutable && new ProcessBuilder("chattr", "-i", file.toString()).inheritIO().start().waitFor() != 0) {
                throw new IOException("chattr -i " + file + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
}
