package dlbugs.model.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Where each file of a corpus directory lives (the schema of {@code datasets/README.md} in the
 * shared corpus). {@link #at(Path)} checks that the study's files are there; the annotation
 * files made for this project ({@link #stages()}, {@link #simbaAnnotations()}), the fix-pattern
 * workbook and the labelled JSON-lines sources ({@link LabelledSource#ALL}: GitHub issues,
 * Denchmark, commits) are optional, because a corpus rebuilt from the public sources
 * ({@code dlbugs datasets fetch}) may not have them.
 */
public record CorpusLayout(Path root) {

    /** Environment variable that overrides the default corpus directory. */
    public static final String ENV = "DLBUGS_CORPUS";

    /** The corpus directory used when neither a flag nor {@link #ENV} names one. */
    public static final Path DEFAULT = Path.of("..", "shared", "datasets");

    /**
     * @param root a corpus directory
     * @return its layout
     * @throws CorpusFormatException if a file of the schema is missing, naming it
     */
    public static CorpusLayout at(Path root) throws CorpusFormatException {
        CorpusLayout layout = new CorpusLayout(root);
        for (Path p : layout.files()) {
            if (!Files.isRegularFile(p) && !layout.optional().contains(p)) {
                throw new CorpusFormatException("corpus file missing: " + p
                        + " (point --corpus or " + ENV + " at a directory holding islam2019/ and simba2024/)");
            }
        }
        return layout;
    }

    public Path datasetZip() {
        return root.resolve("islam2019/dataset.zip");
    }

    public Path fixPatterns() {
        return root.resolve("islam2019/fix_patterns_icse2020.xlsx");
    }

    public Path commits() {
        return root.resolve("islam2019/github_commits.jsonl");
    }

    public Path fileSnippets() {
        return root.resolve("islam2019/github_files.jsonl");
    }

    public Path posts() {
        return root.resolve("islam2019/stackoverflow_posts.jsonl");
    }

    public Path stages() {
        return root.resolve("islam2019/stage_annotations.csv");
    }

    public Path simbaPosts() {
        return root.resolve("simba2024/dataset.csv");
    }

    public Path simbaAnnotations() {
        return root.resolve("simba2024/annotations.jsonl");
    }

    /** @return a labelled JSON-lines source's reports */
    public Path reports(LabelledSource source) {
        return source.reportsIn(root);
    }

    /** @return a labelled JSON-lines source's annotations */
    public Path annotations(LabelledSource source) {
        return source.annotationsIn(root);
    }

    /** @return true if both files of a labelled JSON-lines source are there */
    public boolean has(LabelledSource source) {
        return has(reports(source)) && has(annotations(source));
    }

    /** @return every file the importer reads, in a fixed order */
    public List<Path> files() {
        List<Path> files = new ArrayList<>(List.of(datasetZip(), fixPatterns(), commits(), fileSnippets(), posts(),
                stages(), simbaPosts(), simbaAnnotations()));
        LabelledSource.ALL.forEach(s -> files.addAll(List.of(reports(s), annotations(s))));
        return files;
    }

    /**
     * @return the files the importer does without: the project's own annotations, the ICSE 2020
     *         fix-pattern workbook (its head is then unlabelled) and the labelled JSON-lines sources
     */
    public List<Path> optional() {
        List<Path> files = new ArrayList<>(List.of(fixPatterns(), stages(), simbaAnnotations()));
        LabelledSource.ALL.forEach(s -> files.addAll(List.of(reports(s), annotations(s))));
        return files;
    }

    /** @return true if the file is there */
    public boolean has(Path file) {
        return Files.isRegularFile(file);
    }

    /** @return SHA-256 over the contents of the {@link #files()} that are there, in order */
    public String contentHash() throws CorpusFormatException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (Path p : files()) {
                if (!has(p)) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(p)) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        sha.update(buf, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new CorpusFormatException("cannot hash corpus: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
