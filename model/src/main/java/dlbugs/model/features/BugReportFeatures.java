package dlbugs.model.features;

import dlbugs.model.corpus.BugReport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The features of a bug report, by namespace:
 * <ul>
 *   <li>{@code w:} prose words (CoreNLP) of title and text, {@code b:} adjacent-word pairs;</li>
 *   <li>{@code err:} error class names anywhere; {@code api:} dotted API names anywhere;</li>
 *   <li>{@code c:} code sub-words of diff lines; {@code add:}/{@code del:} the same for added and
 *       removed lines, kept apart, and {@code add:api:}/{@code del:api:} for API names;</li>
 *   <li>{@code lib:} the library; {@code ext:} extensions of changed files; {@code has:} shape;
 *       {@code shape:} the diff's shape, where configured ({@link DiffShape}).</li>
 * </ul>
 */
public final class BugReportFeatures implements FeatureExtractor {

    private final FeatureConfig config;
    private final ProseTokenizer prose;
    private final CodeTokenizer code = new CodeTokenizer();

    /**
     * @param config feature settings
     * @param prose  a tokenizer, built once and shared
     */
    public BugReportFeatures(FeatureConfig config, ProseTokenizer prose) {
        this.config = config;
        this.prose = prose;
    }

    @Override
    public Map<String, Integer> extract(BugReport report) {
        Map<String, Integer> f = new HashMap<>();
        String text = (report.title() + "\n" + report.text()).strip();
        addProse(text, f);
        String diff = report.diff().length() > config.maxCodeChars()
                ? report.diff().substring(0, config.maxCodeChars()) : report.diff();
        addDiff(diff, f);
        if (config.diffShape() && !diff.isBlank()) {
            DiffShape.of(diff).forEach(s -> inc(f, "shape:" + s));
        }
        code.errorNames(text + "\n" + diff).forEach(e -> inc(f, "err:" + e));
        if (!f.isEmpty()) {
            inc(f, diff.isBlank() ? "has:prose-only" : "has:code");
        }
        if (!report.library().isEmpty()) {
            inc(f, "lib:" + report.library());
        }
        return f;
    }

    private void addProse(String text, Map<String, Integer> f) {
        List<String> words = prose.words(text);
        for (int i = 0; i < words.size(); i++) {
            inc(f, "w:" + words.get(i));
            if (config.proseBigrams() && i > 0) {
                inc(f, "b:" + words.get(i - 1) + "_" + words.get(i));
            }
        }
        code.apiNames(text).forEach(a -> inc(f, "api:" + a));
    }

    private void addDiff(String diff, Map<String, Integer> f) {
        for (String line : diff.split("\n")) {
            if (line.startsWith("diff --git") || line.startsWith("index ") || line.startsWith("@@")) {
                continue;
            }
            if (line.startsWith("+++ ") || line.startsWith("--- ")) {
                int dot = line.lastIndexOf('.');
                if (dot > line.lastIndexOf('/') && line.length() - dot < 8) {
                    inc(f, "ext:" + line.substring(dot + 1).strip());
                }
                continue;
            }
            String side = line.startsWith("+") ? "add:" : line.startsWith("-") ? "del:" : null;
            String body = side == null ? line : line.substring(1);
            for (String w : code.subwords(body)) {
                inc(f, "c:" + w);
                if (side != null) {
                    inc(f, side + w);
                }
            }
            for (String a : code.apiNames(body)) {
                inc(f, "api:" + a);
                if (side != null) {
                    inc(f, side + "api:" + a);
                }
            }
        }
    }

    /**
     * @param feature a feature name
     * @return the words it stands for in a report ({@code w:reshape} → {@code reshape},
     *         {@code b:cannot_reshape} → {@code cannot reshape}, {@code add:api:tf.cast} →
     *         {@code tf.cast}), or "" for a feature with no words of its own ({@code has:…})
     */
    public static String surface(String feature) {
        String f = feature;
        if (f.startsWith("add:") || f.startsWith("del:")) {
            f = f.substring(4);
        }
        int colon = f.indexOf(':');
        String kind = colon < 0 ? "" : f.substring(0, colon);
        String value = colon < 0 ? f : f.substring(colon + 1);
        return switch (kind) {
            case "b" -> value.replace('_', ' ');
            case "ext" -> "." + value;
            case "has" -> "";
            case "shape" -> "diff: " + value.replace('-', ' ');
            default -> value;
        };
    }

    /**
     * @param feature a feature name
     * @return true if it says something about the report's content, false for the library and
     *         shape features every report (or every diff) has
     */
    public static boolean isContent(String feature) {
        return !feature.startsWith("lib:") && !feature.startsWith("has:") && !feature.startsWith("shape:");
    }

    private static void inc(Map<String, Integer> f, String key) {
        f.merge(key, 1, Integer::sum);
    }
}
