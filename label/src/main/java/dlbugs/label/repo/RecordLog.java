package dlbugs.label.repo;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@code --out} file: records already in it are read back (so a re-run skips them and the
 * report counts them), a partial last line left by a crash is cut off, and new records are
 * appended and flushed batch by batch. A file this run cannot read is left untouched.
 */
public final class RecordLog implements RecordSink, Closeable {

    private final Path file;
    private final Set<String> keys;
    private final long previous;
    private final long repairedBytes;
    private final BufferedWriter writer;
    private final RecordFormat format;

    private RecordLog(Path file, RecordFormat format, Set<String> keys, long previous, long repairedBytes,
                      BufferedWriter writer) {
        this.file = file;
        this.format = format;
        this.keys = keys;
        this.previous = previous;
        this.repairedBytes = repairedBytes;
        this.writer = writer;
    }

    /**
     * Opens {@code file} for appending, reading the records it holds first.
     *
     * @param heads    the model's head names, in order (the CSV header must match them)
     * @param perHunk  whether records are per hunk; a file written the other way is refused
     * @param existing receives every record already in the file
     * @throws RepoException if the file holds a line that is not a record of this kind
     */
    public static RecordLog open(Path file, RecordFormat format, List<String> heads, boolean perHunk,
                                 Consumer<LabelRecord> existing) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        long repaired = Files.exists(file) ? cutPartialLine(file) : 0;
        Set<String> keys = new HashSet<>();
        long count = 0;
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        if (!fresh) {
            count = read(file, format, heads, perHunk, r -> {
                keys.add(r.key());
                existing.accept(r);
            });
        }
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        if (fresh) {
            format.header(heads).ifPresent(h -> write(w, h));
        }
        return new RecordLog(file, format, keys, count, repaired, w);
    }

    private static long read(Path file, RecordFormat format, List<String> heads, boolean perHunk,
                             Consumer<LabelRecord> sink) throws IOException {
        long n = 0;
        int lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> header = List.of();
            String expected = format.header(heads).orElse(null);
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (lineNo == 1 && expected != null) {
                    if (!line.equals(expected)) {
                        throw new RepoException(file + " has other columns than this model writes (heads "
                                + heads + "); choose another --out");
                    }
                    header = RecordFormat.cells(line);
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                LabelRecord r = parse(file, format, header, line, lineNo);
                if ((r.hunk() != null) != perHunk) {
                    throw new RepoException(file + " holds records " + (perHunk ? "per commit" : "per hunk")
                            + "; run " + (perHunk ? "without" : "with") + " --per-hunk or choose another --out");
                }
                sink.accept(r);
                n++;
            }
        }
        return n;
    }

    private static LabelRecord parse(Path file, RecordFormat format, List<String> header, String line, int lineNo) {
        try {
            return format.parse(line, header);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new RepoException(file + " line " + lineNo + " is not a " + format.name().toLowerCase()
                    + " record (" + why + "); nothing was written — check --format or choose another --out");
        }
    }

    /** Cuts the file after its last line break: a crash mid-write leaves at most one partial line. */
    private static long cutPartialLine(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long end = raf.length();
            long pos = end;
            while (pos > 0) {
                raf.seek(pos - 1);
                if (raf.read() == '\n') {
                    break;
                }
                pos--;
            }
            raf.setLength(pos);
            return end - pos;
        }
    }

    @Override
    public boolean contains(String key) {
        return keys.contains(key);
    }

    /** @return how many records the file held when opened */
    public long previous() {
        return previous;
    }

    /** @return bytes of a partial last line that were cut off when opening (0 if none) */
    public long repairedBytes() {
        return repairedBytes;
    }

    /** @return the file */
    public Path file() {
        return file;
    }

    @Override
    public void append(List<LabelRecord> records) throws IOException {
        for (LabelRecord r : records) {
            if (keys.add(r.key())) {
                writer.write(format.line(r));
                writer.write('\n');
            }
        }
        writer.flush();
    }

    private static void write(BufferedWriter w, String line) {
        try {
            w.write(line);
            w.write('\n');
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
