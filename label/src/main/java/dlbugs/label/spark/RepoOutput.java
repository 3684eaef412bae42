package dlbugs.label.spark;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The output layout of {@code label-repos}, under {@code OUT/records/}: a repository is complete
 * when its directory {@code repo=<id>/} exists, holding {@code records.jsonl} (label-repo's lines)
 * and {@code _summary.json}. A task writes into {@code _staging/<id>-<attempt>/} and renames it
 * into place last, so a repository is either wholly there or absent, never half-written; Spark's
 * readers skip {@code _}-names and see {@code repo} as a partition column.
 */
public final class RepoOutput {

    public static final String RECORDS = "records.jsonl";
    public static final String SUMMARY = "_summary.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path records;

    public RepoOutput(Path out) {
        this.records = out.resolve("records");
    }

    /** @return the directory Spark reads the records from */
    public Path recordsRoot() {
        return records;
    }

    /** @return the finished directory of a repository */
    public Path done(String id) {
        return records.resolve("repo=" + id);
    }

    /** @return a fresh staging directory for one attempt at a repository */
    Path staging(String id, long attempt) throws IOException {
        Path s = records.resolve("_staging").resolve(id + "-" + attempt);
        delete(s);
        return Files.createDirectories(s);
    }

    /** @return the summary of a finished repository, if it finished and was labelled (failures are redone) */
    public Optional<RepoSummary> complete(String id) {
        Path f = done(id).resolve(SUMMARY);
        try {
            RepoSummary s = JSON.readValue(f.toFile(), RepoSummary.class);
            return s.ok() && Files.exists(done(id).resolve(RECORDS)) ? Optional.of(s) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Writes the summary into the staging directory and moves it into place, replacing an earlier failure. */
    void commit(Path staging, RepoSummary summary) throws IOException {
        JSON.writeValue(staging.resolve(SUMMARY).toFile(), summary);
        Path target = done(summary.repo());
        delete(target);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes the staging directories interrupted runs left. */
    public void clearStaging() throws IOException {
        delete(records.resolve("_staging"));
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
