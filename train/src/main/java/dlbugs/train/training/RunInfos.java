package dlbugs.train.training;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Builds the {@link RunInfo} of a run started now, in this checkout, on this machine. */
public final class RunInfos {

    private RunInfos() {
    }

    /**
     * @param modelName  the bundle's model name
     * @param corpusPath the corpus directory as the user gave it
     * @return the run's identity
     */
    public static RunInfo now(String modelName, String corpusPath) {
        Map<String, String> versions = new LinkedHashMap<>();
        Properties built = new Properties();
        try (InputStream in = RunInfos.class.getResourceAsStream("/dlbugs-versions.properties")) {
            if (in != null) {
                built.load(in);
            }
        } catch (IOException ignored) {
            // versions are informative; a missing resource leaves them out
        }
        built.stringPropertyNames().stream().sorted().forEach(k -> versions.put(k, built.getProperty(k)));
        versions.put("java", System.getProperty("java.version"));
        versions.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return new RunInfo(modelName, corpusPath, gitCommit(Path.of("").toAbsolutePath()),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), versions);
    }

    /** Reads HEAD of the enclosing git checkout (no git binary needed); "unknown" outside one. */
    static String gitCommit(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            Path git = d.resolve(".git");
            if (Files.isDirectory(git)) {
                try {
                    String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).strip();
                    if (!head.startsWith("ref: ")) {
                        return head;
                    }
                    String ref = head.substring(5);
                    Path loose = git.resolve(ref);
                    if (Files.exists(loose)) {
                        return Files.readString(loose, StandardCharsets.UTF_8).strip();
                    }
                    Path packed = git.resolve("packed-refs");
                    if (Files.exists(packed)) {
                        for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                            if (line.endsWith(" " + ref)) {
                                return line.substring(0, line.indexOf(' '));
                            }
                        }
                    }
                } catch (IOException e) {
                    return "unknown";
                }
                return "unknown";
            }
        }
        return "unknown";
    }
}
