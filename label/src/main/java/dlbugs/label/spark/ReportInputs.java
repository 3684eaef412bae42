package dlbugs.label.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import dlbugs.model.io.AtomicFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the cross-repository outputs of {@code label-repos} ({@code report.*}, {@code records.parquet})
 * were made from: every repository of the list as it stood (records of a complete repository
 * never change while its directory stands), and the bundle and study workbooks by path, size and
 * time. A run that finds every repository complete and these inputs unchanged has nothing to
 * rebuild, and so needs neither Spark nor the model.
 *
 * @param repositories the list's repositories, in order, as the report shows them (no run status)
 * @param bundle       the bundle file's path, size and modification time
 * @param study        the study's workbooks' path, size and modification time, or "absent"
 */
record ReportInputs(List<RepoSummary> repositories, String bundle, String study) {

    /** Under OUT; a leading underscore keeps it out of what Spark's readers list. */
    static final String FILE = "_report-inputs.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    ReportInputs {
        repositories = repositories.stream().map(s -> s.ok() ? s.asComplete() : s).toList();
    }

    /** @return the inputs of a report over {@code summaries} */
    static ReportInputs of(List<RepoSummary> summaries, Path bundle, Path study) throws IOException {
        return new ReportInputs(summaries, stamp(bundle), stamp(study));
    }

    private static String stamp(Path file) throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            return "absent";
        }
        return file.toAbsolutePath().normalize() + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
    }

    /** @return the inputs the outputs under {@code out} were made from, if a run finished writing them */
    static Optional<ReportInputs> read(Path out) {
        try {
            return Optional.of(JSON.readValue(out.resolve(FILE).toFile(), ReportInputs.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Written after the outputs it describes, so a run cut short leaves an older stamp that matches nothing. */
    void write(Path out) throws IOException {
        AtomicFile.writeString(out.resolve(FILE), JSON.writeValueAsString(this) + "\n");
    }
}
