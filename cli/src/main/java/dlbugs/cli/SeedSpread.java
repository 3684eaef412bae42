package dlbugs.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dlbugs.model.corpus.Quality;
import dlbugs.model.taxonomy.Taxonomy;
import dlbugs.train.eval.CrossValidation;
import dlbugs.train.eval.CvScores;

import java.util.Arrays;
import java.util.List;

/** Mean and standard deviation of gold macro-F1 per head and model across repeated runs. */
final class SeedSpread {

    private SeedSpread() {
    }

    static ArrayNode of(Taxonomy taxonomy, List<CrossValidation> runs) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (String model : runs.get(0).oof().keySet()) {
            for (int h = 0; h < taxonomy.heads().size(); h++) {
                int head = h;
                double[] f1 = runs.stream().mapToDouble(cv -> CvScores.score(cv, taxonomy.heads().get(head),
                        cv.oof().get(model).get(head), i -> i.quality() == Quality.GOLD).macroF1()).toArray();
                double mean = Arrays.stream(f1).average().orElse(0);
                double var = Arrays.stream(f1).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, f1.length - 1);
                var node = out.addObject().put("head", taxonomy.heads().get(h).name()).put("model", model)
                        .put("mean", mean).put("std", Math.sqrt(var));
                ArrayNode values = node.putArray("values");
                for (double x : f1) {
                    values.add(x);
                }
            }
        }
        return out;
    }
}
