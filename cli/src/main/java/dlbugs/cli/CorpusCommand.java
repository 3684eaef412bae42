package dlbugs.cli;

import dlbugs.model.corpus.Corpus;
import dlbugs.model.taxonomy.Taxonomy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code dlbugs corpus}: imports the corpus and prints what was read, dropped and kept. */
@Command(name = "corpus", mixinStandardHelpOptions = true,
        description = "Import the corpus and print the import report (rows read, joined, dropped by reason, class counts).")
public class CorpusCommand implements Callable<Integer> {

    @Mixin
    CorpusOptions corpus;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Corpus c = corpus.load(Taxonomy.islam2019(), corpus.importOptions());
        spec.commandLine().getOut().print(c.report().toText());
        spec.commandLine().getOut().println("corpus sha256: " + c.hash());
        return 0;
    }
}
