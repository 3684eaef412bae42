package dlbugs.model.corpus;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Folds the many names of the five DL libraries of the study to one spelling each. */
public final class Libraries {

    /** The libraries the study covers, in canonical spelling. */
    public static final List<String> KNOWN = List.of("caffe", "keras", "tensorflow", "theano", "torch");

    /** What a report may say when its library is none of the five: it then carries no library. */
    public static final String OTHER = "other";

    /** Every spelling a caller may use, lower case, and the library it names ("" for {@link #OTHER}). */
    private static final Map<String, String> ALIASES = new TreeMap<>(Map.ofEntries(
            Map.entry("caffe", "caffe"), Map.entry("bvlc-caffe", "caffe"),
            Map.entry("keras", "keras"), Map.entry("tf.keras", "keras"), Map.entry("tf-keras", "keras"),
            Map.entry("tensorflow", "tensorflow"), Map.entry("tf", "tensorflow"), Map.entry("tf2", "tensorflow"),
            Map.entry("tensorflow2", "tensorflow"), Map.entry("tensorflow-gpu", "tensorflow"),
            Map.entry("theano", "theano"), Map.entry("lasagne", "theano"),
            Map.entry("torch", "torch"), Map.entry("pytorch", "torch"), Map.entry("torch7", "torch"),
            Map.entry("lua-torch", "torch"), Map.entry("pytorch-lightning", "torch"),
            Map.entry("pytorch_lightning", "torch"),
            Map.entry(OTHER, "")));

    private Libraries() {
    }

    /**
     * @param raw a library name, a spreadsheet file name prefix or a tag ("TF", "PyTorch", "keras")
     * @return the canonical name, or the lower-cased input if it is not one of the five
     */
    public static String canonical(String raw) {
        String k = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(k, k);
    }

    /**
     * Reads the library a caller names, strictly.
     *
     * @param raw a spelling such as "PyTorch", "tf.keras" or "other"
     * @return the canonical name ("" for {@link #OTHER}), or empty if it is no spelling this knows
     */
    public static Optional<String> parse(String raw) {
        return Optional.ofNullable(ALIASES.get(raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT)));
    }

    /** @return every spelling {@link #parse} accepts, in alphabetical order */
    public static List<String> spellings() {
        return List.copyOf(ALIASES.keySet());
    }

    /**
     * @param tags Stack Overflow tags such as {@code |python|keras|}
     * @return the first tag naming one of the five libraries, or ""
     */
    public static String fromTags(String tags) {
        if (tags == null) {
            return "";
        }
        for (String t : tags.split("[|<>\\s]+")) {
            String c = canonical(t);
            if (KNOWN.contains(c)) {
                return c;
            }
        }
        return "";
    }
}
