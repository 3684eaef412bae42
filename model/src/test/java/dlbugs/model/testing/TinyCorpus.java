package dlbugs.model.testing;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import dlbugs.model.corpus.LabelledSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A corpus directory written from scratch in a test's temporary folder: one gold Keras question
 * (its spreadsheet row, its cached post), one simba2024 text, no commits, and optionally a
 * {@code github_issues/} folder with the given lines.
 */
public final class TinyCorpus {

    /** The gold question's id. */
    public static final String QUESTION = "111";

    private TinyCorpus() {
    }

    /**
     * @param root        empty directory to write into
     * @param issues      lines of {@code github_issues/issues.jsonl}, or null for no {@code github_issues/}
     * @param annotations lines of {@code github_issues/annotations.jsonl}
     * @return {@code root}
     */
    public static Path write(Path root, List<String> issues, List<String> annotations) throws IOException {
        Path islam = Files.createDirectories(root.resolve("islam2019"));
        Files.write(islam.resolve("dataset.zip"), datasetZip());
        Files.writeString(islam.resolve("github_commits.jsonl"), "");
        Files.writeString(islam.resolve("github_files.jsonl"), "");
        Files.writeString(islam.resolve("stackoverflow_posts.jsonl"), "{\"id\": \"" + QUESTION
                + "\", \"title\": \"Shape error in Dense\", \"body\": \"expected ndim=2, found ndim=3\", "
                + "\"fidelity\": \"verbatim\"}\n");
        Path simba = Files.createDirectories(root.resolve("simba2024"));
        Files.writeString(simba.resolve("dataset.csv"), "Id,Text,Tags,Label\n222,loss is nan,|keras|,training\n");
        if (issues != null) {
            Path gi = Files.createDirectories(root.resolve("github_issues"));
            Files.write(gi.resolve("issues.jsonl"), issues);
            Files.write(gi.resolve("annotations.jsonl"), annotations);
        }
        return root;
    }

    /**
     * Adds a labelled JSON-lines source to a corpus written by {@link #write}.
     *
     * @return {@code root}
     */
    public static Path writeSource(Path root, LabelledSource source, List<String> reports, List<String> annotations)
            throws IOException {
        Files.createDirectories(source.reportsIn(root).getParent());
        Files.write(source.reportsIn(root), reports);
        Files.write(source.annotationsIn(root), annotations);
        return root;
    }

    private static byte[] datasetZip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("dataset/SO/Keras_SO_Final.xlsx"));
            writeSheet(zip);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void writeSheet(OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("Final");
            List<List<String>> rows = List.of(List.of("Post#", "Bug Type", "Root Cause", "Effect"),
                    List.of(QUESTION, "Data Bug", "Unaligned Tensor (UT)", "Crash"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
            wb.write(xlsx);
            out.write(xlsx.toByteArray());
        }
    }
}
