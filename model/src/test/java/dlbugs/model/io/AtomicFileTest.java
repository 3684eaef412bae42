package dlbugs.model.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void gives_the_file_the_permissions_of_any_new_file_in_its_directory() throws IOException {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");

        AtomicFile.writeString(dir.resolve("written.txt"), "y");

        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(dir.resolve("written.txt")));
    }

    @Test
    void a_failed_write_leaves_the_old_file_and_no_temporary_file() throws IOException {
        Path target = dir.resolve("report.md");
        AtomicFile.writeString(target, "good");

        assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        }));

        assertEquals("good", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void creates_the_directory_and_replaces_an_existing_file() throws IOException {
        Path target = dir.resolve("a/b/metrics.json");
        AtomicFile.writeString(target, "1");
        AtomicFile.writeString(target, "2");
        assertEquals("2", Files.readString(target));
    }
}
