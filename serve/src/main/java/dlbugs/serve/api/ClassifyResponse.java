package dlbugs.serve.api;

import dlbugs.model.predict.HeadPrediction;
import dlbugs.model.predict.ModelInfo;
import dlbugs.model.predict.Prediction;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Body of a successful {@code POST /classify}: which model answered and, per head in the
 * model's output order, the best label, its confidence and every label best-first.
 *
 * @param model the model that answered
 * @param heads head name → answer, in the predictor's head order
 */
public record ClassifyResponse(Model model, Map<String, HeadResult> heads) {

    public ClassifyResponse {
        heads = Collections.unmodifiableMap(new LinkedHashMap<>(heads));
    }

    /** Converts a domain prediction to the wire format. */
    public static ClassifyResponse of(ModelInfo info, Prediction prediction) {
        Map<String, HeadResult> heads = new LinkedHashMap<>();
        for (HeadPrediction head : prediction.heads()) {
            heads.put(head.head(), HeadResult.of(head));
        }
        return new ClassifyResponse(new Model(info.name(), info.version()), heads);
    }

    /** Model identity. */
    public record Model(String name, String version) {
    }

    /** One head's answer; {@code top} holds every label of the head, best first. */
    public record HeadResult(String label, double confidence, List<Score> top) {
        public HeadResult {
            top = List.copyOf(top);
        }

        static HeadResult of(HeadPrediction head) {
            List<Score> top = head.top().stream().map(s -> new Score(s.label(), s.score())).toList();
            return new HeadResult(head.label(), head.confidence(), top);
        }
    }

    /** A label and its probability. */
    public record Score(String label, double score) {
    }
}
