package dlbugs.train.testing;

import dlbugs.train.training.TrainingPipeline;
import dlbugs.train.training.RunInfo;
import dlbugs.train.training.TrainingConfig;
import dlbugs.train.training.TrainingResult;

import dlbugs.model.corpus.Corpus;
import dlbugs.model.corpus.CorpusImporter;
import dlbugs.model.corpus.CorpusLayout;
import dlbugs.model.corpus.ImportOptions;
import dlbugs.model.features.TextEncoders;
import dlbugs.model.features.ProseTokenizer;
import dlbugs.model.taxonomy.Taxonomy;

import java.nio.file.Path;
import java.util.Map;

/** One small but real training run (3-fold CV, 15 epochs) on the shared corpus, shared by the tests of a JVM. */
public final class TrainedOnce {

    public static final ProseTokenizer TOKENIZER = new ProseTokenizer();
    private static TrainingResult result;
    private static Corpus corpus;
    private static final RecordingListener PROGRESS = new RecordingListener();

    private TrainedOnce() {
    }

    public static synchronized Corpus corpus() throws Exception {
        if (corpus == null) {
            Path dir = Path.of(System.getProperty("dlbugs.corpus", CorpusLayout.DEFAULT.toString()));
            corpus = new CorpusImporter(Taxonomy.islam2019()).importFrom(CorpusLayout.at(dir), ImportOptions.defaults());
        }
        return corpus;
    }

    public static synchronized TrainingResult result() throws Exception {
        if (result == null) {
            // Without the sentence encoder: embedding the corpus would add minutes to every test run; the
            // embedding path is trained and round-tripped by EmbeddingNetworkTest and CliTest's train.
            TrainingConfig config = TrainingConfig.defaults().withRun(7, 15, 3, ImportOptions.defaults())
                    .withEncoder(TextEncoders.NONE);
            RunInfo run = new RunInfo("test-model", "corpus", "abc", "2026-01-02T03:04:05Z", Map.of("java", "17"));
            result = new TrainingPipeline(Taxonomy.islam2019(), TOKENIZER).run(corpus(), config, run, PROGRESS);
        }
        return result;
    }

    /** @return what the run reported to its listener */
    public static synchronized RecordingListener progress() throws Exception {
        result();
        return PROGRESS;
    }
}
