package dlbugs.cli;

import dlbugs.model.features.TextEncoders;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.Iterator;

/** The {@code --encoder} option shared by the commands that fit the network. */
public class EncoderOptions {

    @Option(names = "--encoder", paramLabel = "NAME", completionCandidates = Names.class,
            description = "Sentence encoder run in process whose embedding joins the TF-IDF input: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String encoder = TextEncoders.ALL_MINILM_L6_V2_Q;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** @return the encoder's name, one of {@link TextEncoders#names()} */
    String name() {
        if (!TextEncoders.names().contains(encoder)) {
            throw new ParameterException(spec.commandLine(), "--encoder must be one of "
                    + String.join(", ", TextEncoders.names()) + ", got '" + encoder + "'");
        }
        return encoder;
    }

    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return TextEncoders.names().iterator();
        }
    }
}
