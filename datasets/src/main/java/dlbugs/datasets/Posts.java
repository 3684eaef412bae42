package dlbugs.datasets;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/** Brings {@code islam2019/stackoverflow_posts.jsonl} up to date with the study's questions. */
public final class Posts {

    private Posts() {
    }

    /**
     * Fetches the questions not yet held verbatim, writes the file, and prints what is still
     * missing and why.
     *
     * @param progress told how many of {@code ids} are done
     * @return the ids still missing, with the reason
     */
    public static Map<String, String> fetch(Path out, List<String> ids, StackExchange api, PrintWriter err,
                                            IntConsumer progress) throws IOException, InterruptedException {
        PostsFile file = PostsFile.read(out.resolve("islam2019/stackoverflow_posts.jsonl"));
        List<String> wanted = ids.stream().filter(id -> !file.hasVerbatim(id)).toList();
        int already = ids.size() - wanted.size();
        progress.accept(already);
        StackExchange.Result r = api.questions(wanted, done -> progress.accept(already + done));
        r.questions().forEach(file::add);
        file.write();
        err.println("dlbugs: questions: " + ids.size() + " referenced, " + (ids.size() - wanted.size())
                + " already there, " + r.questions().size() + " fetched, " + r.missing().size() + " missing"
                + (r.stopReason() == null ? "" : " (stopped: " + r.stopReason() + "; run again later to continue)"));
        return r.missing();
    }
}
