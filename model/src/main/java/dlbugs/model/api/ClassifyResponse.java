package dlbugs.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dlbugs.model.predict.HeadExplanation;
import dlbugs.model.predict.HeadPrediction;
import dlbugs.model.predict.SimilarBug;
import dlbugs.model.predict.ModelInfo;
import dlbugs.model.predict.Prediction;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A successful answer to a classify request ({@code POST /classify}, a line of
 * {@code dlbugs classify}): the caller's id, which model answered and, per head in the
 * model's output order, the best label, its confidence and the labels best-first
 * ({@code label}/{@code score} pairs, as Hugging Face pipelines answer; all, or {@code top_k}).
 *
 * @param id          the request's {@code id}, unchanged; absent if it had none
 * @param model       the model that answered
 * @param heads       head name → answer, in the predictor's head order
 * @param explanation head name → why it answered so; only when the request asked ({@code "explain": true})
 * @param similar     the known bugs of the corpus most like the report; only when asked ({@code "similar": k})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClassifyResponse(JsonNode id, Model model, Map<String, HeadResult> heads, Map<String, Explanation> explanation,
                               List<Similar> similar) {

    public ClassifyResponse {
        heads = Collections.unmodifiableMap(new LinkedHashMap<>(heads));
    }

    /**
     * Converts a domain prediction to the wire format.
     *
     * @param id           the request's id, or null
     * @param options      the request's threshold and top_k
     * @param explanations each head's explanation, or null if not asked
     * @param similar      similar known bugs, or null if not asked
     */
    public static ClassifyResponse of(JsonNode id, ModelInfo info, Prediction prediction,
                                      ClassifyRequestReader.Options options, List<HeadExplanation> explanations,
                                      List<SimilarBug> similar) {
        return new ClassifyResponse(id, Model.of(info), heads(prediction, options.threshold(), options.topK()),
                explanation(explanations), similar(similar));
    }

    /** @return the similar known bugs on the wire, or null for none asked */
    public static List<Similar> similar(List<SimilarBug> bugs) {
        return bugs == null ? null : bugs.stream()
                .map(b -> new Similar(b.id(), b.link(), b.title(), b.source(), b.labels(), b.similarity())).toList();
    }

    /**
     * A known bug of the corpus like the report: where to read it, which source it comes from
     * (the study's commits and questions, GitHub issues, Denchmark, commits), the labels its
     * annotators gave it (its fix pattern where known) and how similar it is (cosine of sentence
     * embeddings; of TF-IDF vectors for a bundle without them).
     */
    public record Similar(String id, String link, String title, String source, Map<String, String> labels,
                          double similarity) {
    }

    /** @return head name → explanation, or null for none */
    public static Map<String, Explanation> explanation(List<HeadExplanation> explanations) {
        if (explanations == null) {
            return null;
        }
        Map<String, Explanation> out = new LinkedHashMap<>();
        for (HeadExplanation e : explanations) {
            out.put(e.head(), new Explanation(e.label(), e.top().stream()
                    .map(a -> new Evidence(a.feature(), a.text(), a.weight())).toList(), e.reason()));
        }
        return out;
    }

    /**
     * Why a head answered as it did: the report's features that raised that label most
     * (occlusion: the probability lost when the feature is taken out), strongest first; or, when a
     * rule decided (a diff that is only cosmetic), the rule's reason.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Explanation(String label, List<Evidence> top, String reason) {
    }

    /** A feature of the report, the words it stands for, and how much it raised the answer. */
    public record Evidence(String feature, String text, double weight) {
    }

    /** @return head name → answer, in the prediction's head order */
    public static Map<String, HeadResult> heads(Prediction prediction, Double threshold, Integer topK) {
        Map<String, HeadResult> heads = new LinkedHashMap<>();
        Prediction judged = threshold == null ? prediction : prediction.withThreshold(threshold);
        for (HeadPrediction head : judged.heads()) {
            heads.put(head.head(), HeadResult.of(head, topK == null ? Integer.MAX_VALUE : topK));
        }
        return heads;
    }

    /** Model identity. */
    public record Model(String name, String version) {
        public static Model of(ModelInfo info) {
            return new Model(info.name(), info.version());
        }
    }

    /**
     * One head's answer; {@code accepted} says whether it is safe to apply without a person (the
     * confidence reaches {@code threshold}, and, for every head but {@code dl_bug}, the report is
     * accepted as a DL bug), {@code reason} why, when a rule rather than the threshold decided,
     * {@code top} holds every label of the head, best first.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HeadResult(String label, double confidence, double threshold, boolean accepted, String reason,
                             List<Score> top) {
        public HeadResult {
            top = List.copyOf(top);
        }

        static HeadResult of(HeadPrediction head, int topK) {
            List<Score> top = head.top().stream().limit(topK).map(s -> new Score(s.label(), s.score())).toList();
            return new HeadResult(head.label(), head.confidence(), head.threshold(), head.accepted(), head.reason(), top);
        }
    }

    /** A label and its probability. */
    public record Score(String label, double score) {
    }
}
