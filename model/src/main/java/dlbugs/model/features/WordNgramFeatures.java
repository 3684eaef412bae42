package dlbugs.model.features;

import dlbugs.model.corpus.BugReport;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The features of the plain TF-IDF baseline: lower-case word unigrams and bigrams of title, text
 * and diff run together, the way a short scikit-learn script would see a report.
 */
public final class WordNgramFeatures implements FeatureExtractor {

    private static final Pattern WORD = Pattern.compile("[a-z0-9_]{2,}");
    private final int maxChars;

    /** @param maxChars text beyond this many characters is ignored */
    public WordNgramFeatures(int maxChars) {
        this.maxChars = maxChars;
    }

    @Override
    public Map<String, Integer> extract(BugReport report) {
        String all = (report.title() + "\n" + report.text() + "\n" + report.diff()).toLowerCase(Locale.ROOT);
        Matcher m = WORD.matcher(all.length() > maxChars ? all.substring(0, maxChars) : all);
        Map<String, Integer> f = new HashMap<>();
        String previous = null;
        while (m.find()) {
            f.merge(m.group(), 1, Integer::sum);
            if (previous != null) {
                f.merge(previous + " " + m.group(), 1, Integer::sum);
            }
            previous = m.group();
        }
        return f;
    }
}
