package dlbugs.model.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a JSON-lines cache file into records, naming the file and line of any bad entry. */
final class JsonLines {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private JsonLines() {
    }

    static <T> List<T> read(Path file, Class<T> type) throws CorpusFormatException {
        List<T> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(MAPPER.readValue(line, type));
                } catch (JsonProcessingException e) {
                    throw new CorpusFormatException(file + ":" + n + ": not a " + type.getSimpleName()
                            + ": " + e.getOriginalMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new CorpusFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }
}
