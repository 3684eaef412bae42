package dlbugs.model.bundle;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.List;

/** The JSON mapper of bundle entries (stable, indented, tolerant of added fields). */
final class BundleJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static final String MANIFEST = "manifest.json";
    static final String VOCABULARY = "vocabulary.json";
    static final String NETWORK = "network.zip";
    static final String KNOWN_BUGS = "known_bugs.json";

    /** The vocabulary as stored. */
    record VocabularyEntry(List<String> features, float[] idf) {
    }

    private BundleJson() {
    }
}
