package dlbugs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dlbugs.corrections.Correction;
import dlbugs.corrections.CorrectionJson;
import dlbugs.corrections.CorrectionQuery;
import dlbugs.corrections.CorrectionStore;
import dlbugs.corrections.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code dlbugs corrections list}: corrections, oldest first, as a table or JSON lines. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List corrections, oldest first.")
public class CorrectionsListCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    CorrectionsOptions store;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only new, accepted or rejected ones.")
    String status;

    @Option(names = "--head", paramLabel = "HEAD", description = "Only those of this head (effect, stage, ...).")
    String head;

    @Option(names = "--since", paramLabel = "DATE", description = "Only those recorded from this date (2026-12-01) or UTC time on.")
    String since;

    @Option(names = "--limit", paramLabel = "N", description = "At most this many (default: every one).")
    Integer limit;

    @Option(names = "--json", description = "One JSON object a line (as GET /corrections writes each) instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CorrectionQuery query = query();
        PrintWriter out = spec.commandLine().getOut();
        try (CorrectionStore s = store.open()) {
            List<Correction> found = limit == null ? s.every(query) : s.list(query);
            if (!json) {
                out.println(String.format("%-6s %-9s %-12s %-26s %-26s %-7s %-16s %s", "id", "status", "head", "label",
                        "answer", "origin", "author", "title"));
            }
            for (Correction c : found) {
                out.println(json ? JSON.writeValueAsString(CorrectionJson.of(c)) : row(c));
            }
            if (!json) {
                out.println(found.size() + " correction" + (found.size() == 1 ? "" : "s"));
            }
        }
        return 0;
    }

    private CorrectionQuery query() {
        Status s = status == null ? null : Status.parse(status).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--status must be one of " + String.join(", ", Status.labels()) + ", got '" + status + "'"));
        if (limit != null && (limit < 1 || limit > CorrectionQuery.MAX_LIMIT)) {
            throw new ParameterException(spec.commandLine(), "--limit must be 1 to " + CorrectionQuery.MAX_LIMIT);
        }
        return new CorrectionQuery(s, head, from(since), 0, limit == null ? CorrectionQuery.MAX_LIMIT : limit);
    }

    private Instant from(String raw) {
        try {
            return CorrectionQuery.since(raw);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--since " + e.getMessage());
        }
    }

    private static String row(Correction c) {
        String title = c.report().title().isBlank() ? c.report().text().strip() : c.report().title();
        title = title.lines().findFirst().orElse("");
        return String.format("%-6d %-9s %-12s %-26s %-26s %-7s %-16s %s", c.id(), c.status().label(), c.head(),
                cut(c.label(), 26), cut(c.answer() == null ? "-" : c.answer(), 26), c.origin().label(),
                cut(c.author().isEmpty() ? "-" : c.author(), 16), cut(title, 60));
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
