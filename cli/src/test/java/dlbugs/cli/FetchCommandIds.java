package dlbugs.cli;

import dlbugs.model.corpus.CorpusFormatException;

import java.nio.file.Path;
import java.util.List;

/** Gives tests of other packages the question ids the fetch command asks for. */
public final class FetchCommandIds {
    private FetchCommandIds() {
    }

    public static List<String> of(Path datasetZip) throws CorpusFormatException {
        return FetchCommand.questionIds(datasetZip);
    }
}
