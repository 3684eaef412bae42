package dlbugs.model.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Code-aware tokens: dotted API names kept whole ({@code tf.reshape}, {@code model.fit}),
 * identifiers split at camelCase and snake_case boundaries, and error class names
 * ({@code ValueError}) recognised. Works on diffs, code snippets and code pasted into prose.
 */
public final class CodeTokenizer {

    private static final Pattern DOTTED = Pattern.compile("\\b[A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)+");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ERROR = Pattern.compile("\\b[A-Z][A-Za-z]*(?:Error|Exception|Warning)\\b");
    private static final Pattern SUBWORD = Pattern.compile("[A-Z]?[a-z]+|\\d+[A-Za-z]?|[A-Z]+(?![a-z])");

    /**
     * @param code one line or more of code
     * @return dotted API names as they are written, e.g. {@code tf.nn.softmax}
     */
    public List<String> apiNames(String code) {
        return all(DOTTED, code);
    }

    /** @return error and exception class names, e.g. {@code ValueError} */
    public List<String> errorNames(String text) {
        return all(ERROR, text);
    }

    /**
     * @return lower-case sub-words of every identifier ({@code input_shape} → input, shape;
     * {@code Conv2D} → conv, 2d), single characters dropped
     */
    public List<String> subwords(String code) {
        List<String> out = new ArrayList<>();
        Matcher m = IDENT.matcher(code);
        while (m.find()) {
            Matcher s = SUBWORD.matcher(m.group());
            while (s.find()) {
                String w = s.group().toLowerCase(Locale.ROOT);
                if (w.length() > 1) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    private static List<String> all(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
