package dlbugs.model.features;

import java.util.Locale;
import java.util.Set;

/**
 * English function words: they carry weight in a bag-of-words model, but a person reading why
 * the model answered learns nothing from "with", "of" or "to have", so explanations leave out
 * features made only of them.
 */
public final class StopWords {

    private static final Set<String> WORDS = Set.of(
            "a", "about", "above", "after", "again", "all", "am", "an", "and", "any", "are", "as", "at",
            "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
            "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from",
            "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how",
            "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my",
            "myself", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over",
            "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
            "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
            "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who",
            "whom", "why", "will", "with", "would", "you", "your", "yours", "'s", "'m", "'re", "'ve", "n't");

    private StopWords() {
    }

    /** @return true if every word of {@code text} is a function word (or it has none) */
    public static boolean onlyStopWords(String text) {
        for (String w : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!w.isEmpty() && !WORDS.contains(w)) {
                return false;
            }
        }
        return true;
    }
}
