package dlbugs.serve.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dlbugs.model.api.ClassifyResponse;

import java.util.List;
import java.util.Map;

/**
 * Body of a successful {@code POST /classify/batch}: the model that answered and one entry per
 * instance, in order (KServe v1's {@code predictions}). An entry holds {@code heads} as in
 * {@link ClassifyResponse}, or, for an instance the model could not use, {@code error} and
 * {@code message} as in {@link ErrorResponse}.
 *
 * @param model       the model that answered every instance
 * @param predictions one entry per instance
 */
public record BatchResponse(ClassifyResponse.Model model, List<Item> predictions) {

    public BatchResponse {
        predictions = List.copyOf(predictions);
    }

    /**
     * One instance's answer or error, with the instance's {@code id} if it had one; exactly one of
     * {@code heads} and {@code error} is present.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(JsonNode id, Map<String, ClassifyResponse.HeadResult> heads, Map<String, ClassifyResponse.Explanation> explanation,
                       List<ClassifyResponse.Similar> similar, String error, String message) {
        public static Item answer(JsonNode id, Map<String, ClassifyResponse.HeadResult> heads,
                                  Map<String, ClassifyResponse.Explanation> explanation,
                                  List<ClassifyResponse.Similar> similar) {
            return new Item(id, heads, explanation, similar, null, null);
        }

        public static Item failure(JsonNode id, String error, String message) {
            return new Item(id, null, null, null, error, message);
        }
    }
}
