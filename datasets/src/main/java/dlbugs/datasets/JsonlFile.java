package dlbugs.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbugs.model.io.AtomicFile;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** A JSON-lines file of the corpus, read keyed and written whole through a temporary file and an atomic move. */
final class JsonlFile {

    static final ObjectMapper JSON = new ObjectMapper();

    private JsonlFile() {
    }

    /** @return the file's records by key, sorted; empty if the file does not exist */
    static Map<String, ObjectNode> read(Path file, Function<JsonNode, String> key) throws IOException {
        Map<String, ObjectNode> out = new TreeMap<>();
        if (Files.exists(file)) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (!line.isBlank()) {
                        ObjectNode n = (ObjectNode) JSON.readTree(line);
                        out.put(key.apply(n), n);
                    }
                }
            }
        }
        return out;
    }

    /** Writes the records, one per line, replacing the file only once all are written. */
    static void write(Path file, Collection<ObjectNode> records) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (ObjectNode n : records) {
            lines.append(JSON.writeValueAsString(n)).append('\n');
        }
        AtomicFile.writeString(file, lines.toString());
    }
}
