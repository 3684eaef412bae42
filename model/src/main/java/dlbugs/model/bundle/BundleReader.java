package dlbugs.model.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dlbugs.model.features.EncoderUnavailableException;
import dlbugs.model.features.TextEncoders;
import dlbugs.model.features.Vocabulary;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/** Reads a bundle written by {@link BundleWriter}, refusing formats it does not know. */
public final class BundleReader {

    private BundleReader() {
    }

    /**
     * @param file a bundle
     * @return the model
     * @throws BundleFormatException if the file is missing, not a bundle, of an unknown format
     *                               version (the message names both versions), inconsistent, or
     *                               needs a text encoder this build does not have (named in the message)
     */
    public static ModelBundle read(Path file) throws BundleFormatException {
        Map<String, byte[]> entries = entries(file);
        for (String name : new String[] {BundleJson.MANIFEST, BundleJson.VOCABULARY, BundleJson.NETWORK}) {
            if (!entries.containsKey(name)) {
                throw new BundleFormatException(file + " is not a dlbugs bundle: it has no " + name);
            }
        }
        try {
            JsonNode manifestNode = BundleJson.MAPPER.readTree(entries.get(BundleJson.MANIFEST));
            int version = manifestNode.path("formatVersion").asInt(-1);
            if (version != ModelBundle.FORMAT_VERSION_TFIDF && version != ModelBundle.FORMAT_VERSION) {
                throw new BundleFormatException(file + " has bundle format version " + version
                        + "; this dlbugs reads versions " + ModelBundle.FORMAT_VERSION_TFIDF + " and "
                        + ModelBundle.FORMAT_VERSION);
            }
            BundleManifest manifest = BundleJson.MAPPER.treeToValue(manifestNode, BundleManifest.class);
            if (version != BundleManifest.formatVersionFor(manifest.embedding())) {
                throw new BundleFormatException(file + " is format " + version + " but " + (manifest.embedding() == null
                        ? "has no sentence embedding" : "has a sentence embedding, which format 1 does not"));
            }
            requireEncoder(file, manifest);
            BundleJson.VocabularyEntry v = BundleJson.MAPPER.readValue(entries.get(BundleJson.VOCABULARY),
                    BundleJson.VocabularyEntry.class);
            Vocabulary vocabulary = new Vocabulary(v.features(), v.idf());
            ComputationGraph network = ModelSerializer.restoreComputationGraph(
                    new ByteArrayInputStream(entries.get(BundleJson.NETWORK)), false);
            if (vocabulary.size() != manifest.network().inputSize()) {
                throw new BundleFormatException(file + ": vocabulary has " + vocabulary.size()
                        + " features but the network expects " + manifest.network().inputSize());
            }
            KnownBugs known = entries.containsKey(BundleJson.KNOWN_BUGS)
                    ? BundleJson.MAPPER.readValue(entries.get(BundleJson.KNOWN_BUGS), KnownBugs.class) : KnownBugs.none();
            return new ModelBundle(manifest, vocabulary, network, known);
        } catch (IOException | RuntimeException e) {
            throw new BundleFormatException(file + " is not a readable dlbugs bundle: " + e.getMessage(), e);
        }
    }

    /** Refuses a model whose encoder this build cannot run, before its weights are read. */
    private static void requireEncoder(Path file, BundleManifest manifest) throws BundleFormatException {
        if (manifest.embedding() != null) {
            try {
                TextEncoders.require(manifest.embedding().encoder());
            } catch (EncoderUnavailableException e) {
                throw new BundleFormatException(file + " cannot be used: " + e.getMessage());
            }
        }
    }

    private static Map<String, byte[]> entries(Path file) throws BundleFormatException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (NoSuchFileException e) {
            throw new BundleFormatException("no model bundle at " + file);
        } catch (ZipException e) {
            throw new BundleFormatException(file + " is not a dlbugs bundle (not a zip file)", e);
        } catch (IOException e) {
            throw new BundleFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return entries;
    }
}
