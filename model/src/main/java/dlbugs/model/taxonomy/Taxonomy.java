package dlbugs.model.taxonomy;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The heads the model predicts, in output order. {@link #islam2019()} is the taxonomy of
 * Islam, Nguyen, Pan and Rajan, "A Comprehensive Study on Deep Learning Bug Characteristics",
 * ESEC/FSE 2019, plus the pipeline stage and the fix pattern of Islam et al., ICSE 2020.
 *
 * @param heads the heads, in output order
 */
public record Taxonomy(List<Head> heads) {

    public static final String DL_BUG = "dl_bug";
    public static final String BUG_TYPE = "bug_type";
    public static final String BUG_TYPE_TOP = "bug_type_top";
    public static final String ROOT_CAUSE = "root_cause";
    public static final String EFFECT = "effect";
    public static final String STAGE = "stage";
    public static final String FIX_PATTERN = "fix_pattern";

    public Taxonomy {
        heads = List.copyOf(heads);
        if (heads.stream().map(Head::name).distinct().count() != heads.size()) {
            throw new IllegalArgumentException("head names must be unique");
        }
    }

    /**
     * @param name a head name such as {@code root_cause}
     * @return that head
     * @throws NoSuchElementException if there is no such head
     */
    public Head head(String name) {
        return heads.stream().filter(h -> h.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no head named " + name));
    }

    /**
     * Heads no spreadsheet labels: their votes follow from other labels (the bug type's top level)
     * or from what a source says of its units (whether each is a DL bug).
     */
    public static final Set<String> DERIVED = Set.of(BUG_TYPE_TOP, DL_BUG);

    /** Heads whose labels are the study's abbreviations (UT, CCM): people read them with their name ({@link Head#named}). */
    public static final Set<String> CODED = Set.of(ROOT_CAUSE);

    /** The {@link #DL_BUG} head's answer for a DL bug. */
    public static final String IS_DL_BUG = "DL bug";
    /** The {@link #DL_BUG} head's answer for a report that is not one. */
    public static final String NOT_DL_BUG = "Not a DL bug";

    /**
     * The top level of a bug type, as the study reports it beside the sub-types.
     *
     * @param bugType a label of {@link #BUG_TYPE}, e.g. {@code SB.Logic Bug}
     * @return API, Coding, Data, SB or NMSB
     */
    public static String topLevel(String bugType) {
        int dot = bugType.indexOf('.');
        return dot > 0 ? bugType.substring(0, dot) : bugType.replace(" Bug", "");
    }

    /**
     * The study's taxonomy with stage and fix pattern, the bug type's top level and whether the
     * report is a DL bug at all; definitions follow TAXONOMY.md.
     */
    public static Taxonomy islam2019() {
        return new Taxonomy(List.of(
                Head.of(DL_BUG, "Is it a DL bug?",
                        IS_DL_BUG, "a bug in a deep-learning program, in the study's sense",
                        NOT_DL_BUG, "not a DL bug: a feature request, a usage or installation question, "
                                + "behaviour the maintainers call expected"),
                Head.of(BUG_TYPE, "Bug type",
                        "API Bug", "caused by the DL library's API itself: changed definitions, libraries that do not fit, wrong documentation",
                        "Coding Bug", "a plain programming mistake not specific to DL",
                        "Data Bug", "input malformed or not cleaned before it enters the model",
                        "SB.Control and Sequence Bug", "wrong control flow inside the model's construction",
                        "SB.Data Flow Bug", "type or shape mismatch after data entered the model",
                        "SB.Initialization Bug", "model parameters or functions not initialised properly",
                        "SB.Logic Bug", "the model's logical structure is wrong",
                        "SB.Processing Bug", "wrong algorithm choice or violated contract between layers",
                        "NMSB.Control and Sequence Bug", "wrong control flow outside the model",
                        "NMSB.Initialization Bug", "wrong initialisation outside the model",
                        "NMSB.Logic Bug", "wrong logic outside the model",
                        "NMSB.Processing Bug", "wrong algorithm choice outside the model"),
                Head.of(BUG_TYPE_TOP, "Bug type (top level)",
                        "API", "a bug of the DL library's API",
                        "Coding", "a plain programming mistake",
                        "Data", "a bug in the data before it enters the model",
                        "SB", "a structural bug inside the model (control, data flow, initialisation, logic, processing)",
                        "NMSB", "a bug outside the model's structure (control, initialisation, logic, processing)"),
                Head.of(ROOT_CAUSE, "Root cause",
                        "AIAC", "Absence of inter-API compatibility",
                        "ATC", "Absence of type checking",
                        "APIC", "API change",
                        "APIM", "API misuse",
                        "CCM", "Confusion with computation model",
                        "IPS", "Incorrect model parameter or structure",
                        "SI", "Structure inefficiency",
                        "UT", "Unaligned tensor",
                        "WD", "Wrong documentation",
                        "Others", "not specific to DL (syntax and process mistakes)"),
                Head.of(EFFECT, "Effect",
                        "Bad Performance", "the program runs but is slow or the model is poor",
                        "Crash", "the program stops with an error",
                        "Data Corruption", "data is silently corrupted",
                        "Hang", "the program stops making progress",
                        "Incorrect Functionality", "the program behaves wrongly without crashing",
                        "Memory Out of Bound", "the program runs out of memory",
                        "Unknown", "the effect is not stated"),
                Head.of(STAGE, "Pipeline stage",
                        "Data Preparation", "loading, cleaning, reshaping, encoding, batching data",
                        "Choice of Model", "constructing the model: layers, connections, loss, structure",
                        "Training", "fitting the model: optimiser, training loop, sessions, checkpoints",
                        "Evaluation", "measuring the model: metrics, validation, test scoring",
                        "Hyperparameter Tuning", "choosing learning rate, batch size, epochs, regularisation",
                        "Prediction", "using a trained model: inference, loading, deployment"),
                Head.of(FIX_PATTERN, "Fix pattern (ICSE 2020)",
                        "Data Dimension", "change the data's dimensions",
                        "Data Type", "change the data's type",
                        "Data Wrangling", "clean or transform the data",
                        "Layer Dimension", "change a layer's dimensions",
                        "Add Layer", "add a layer",
                        "Neural Connection", "change how layers connect",
                        "Change Neural Arch", "change the network architecture",
                        "Activation", "change an activation function",
                        "Loss Function", "change the loss function",
                        "Optimizer", "change the optimiser",
                        "Iterations", "change epochs, steps or iterations",
                        "Accuracy Metric", "change the accuracy metric",
                        "Monitor", "add monitoring of training",
                        "Versioning", "adapt to a library version",
                        "API Contract", "fix the contract between APIs")));
    }
}
