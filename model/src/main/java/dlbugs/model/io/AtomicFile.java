package dlbugs.model.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file through a temporary sibling and an atomic move: never half a file where a good
 * one was. The temporary file is created asking for {@code rw-rw-rw-}, which the umask narrows as
 * for any new file ({@link Files#createTempFile} alone would make it {@code rw-------}, and the
 * move keeps that).
 */
public final class AtomicFile {

    /** Writes a file's content to the stream it is given; it may close the stream or not. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * @param target the file to replace or create; its directory is created if needed
     * @param text   its whole content, written as UTF-8
     * @throws IOException if it cannot be written (the previous file, if any, is untouched)
     */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * @param target  the file to replace or create; its directory is created if needed
     * @param content writes the whole content; if it throws, nothing replaces the target
     * @throws IOException if it cannot be written (the previous file, if any, is untouched)
     */
    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp", asPlainFile(dir));
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            // Flushed to disk before the rename, or a crash could leave the new name on empty data.
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static FileAttribute<?>[] asPlainFile(Path dir) throws IOException {
        return Files.getFileStore(dir).supportsFileAttributeView("posix")
                ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-"))}
                : new FileAttribute<?>[0];
    }
}
