package dlbugs.model.corpus;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Folds the many names of the five DL libraries of the study to one spelling each. */
public final class Libraries {

    /** The libraries the study covers, in canonical spelling. */
    public static final List<String> KNOWN = List.of("caffe", "keras", "tensorflow", "theano", "torch");

    private static final Map<String, String> ALIASES = Map.of(
            "tf", "tensorflow", "tensorflow", "tensorflow", "keras", "keras", "caffe", "caffe",
            "theano", "theano", "torch", "torch", "pytorch", "torch", "lua-torch", "torch", "tf.keras", "keras");

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
