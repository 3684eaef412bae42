package dlbugs.model.features;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Splits prose into lower-case word tokens with a Stanford CoreNLP pipeline that is built once
 * and reused. The pipeline is tokenize-only: part-of-speech tags and lemmas would need CoreNLP's
 * 453 MB models jar and were reported to cost ~18 ms per document (not re-measured here); they
 * were not tried.
 */
public final class ProseTokenizer {

    private final StanfordCoreNLP pipeline;

    public ProseTokenizer() {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize");
        props.setProperty("tokenize.language", "en");
        props.setProperty("tokenize.options", "untokenizable=noneDelete,invertible=false,ptb3Escaping=false");
        this.pipeline = new StanfordCoreNLP(props);
    }

    /**
     * @param text prose; may be empty
     * @return its word tokens (containing a letter), lower-cased, in order
     */
    public List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text.isBlank()) {
            return out;
        }
        Annotation doc = new Annotation(text);
        pipeline.annotate(doc);
        for (CoreLabel token : doc.get(CoreAnnotations.TokensAnnotation.class)) {
            String w = token.word().toLowerCase(Locale.ROOT);
            if (w.length() > 1 && w.length() < 40 && w.chars().anyMatch(Character::isLetter)) {
                out.add(w);
            }
        }
        return out;
    }
}
