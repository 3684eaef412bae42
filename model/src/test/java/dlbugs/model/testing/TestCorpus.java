package dlbugs.model.testing;

import dlbugs.model.corpus.Corpus;
import dlbugs.model.corpus.CorpusFormatException;
import dlbugs.model.corpus.CorpusImporter;
import dlbugs.model.corpus.CorpusLayout;
import dlbugs.model.corpus.ImportOptions;
import dlbugs.model.taxonomy.Taxonomy;

import java.nio.file.Path;

/** The shared corpus beside the checkout (surefire passes its path as {@code dlbugs.corpus}). */
public final class TestCorpus {

    private static Corpus cached;

    private TestCorpus() {
    }

    public static CorpusLayout layout() {
        String dir = System.getProperty("dlbugs.corpus", CorpusLayout.DEFAULT.toString());
        try {
            return CorpusLayout.at(Path.of(dir));
        } catch (CorpusFormatException e) {
            throw new IllegalStateException("tests need the shared corpus: " + e.getMessage(), e);
        }
    }

    /** The full corpus with default options, imported once per test JVM. */
    public static synchronized Corpus corpus() {
        if (cached == null) {
            try {
                cached = new CorpusImporter(Taxonomy.islam2019()).importFrom(layout(), ImportOptions.defaults());
            } catch (CorpusFormatException e) {
                throw new IllegalStateException(e);
            }
        }
        return cached;
    }
}
