package dlbugs.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dlbugs.model.corpus.GithubRef;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.RawParseUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * Fetches the commits and file excerpts the study links to with JGit, into a bare cache per
 * repository under {@code .cache/git} of the output, and writes {@code github_commits.jsonl} and
 * {@code github_files.jsonl} in the importer's schema. Each commit is fetched by id with depth 2
 * (itself and its first parent) where the server allows it, else with the repository's
 * branches. A repository that is gone is recorded as missing, not fatal; a re-run fetches only
 * what the files do not hold yet.
 */
public final class Commits {

    /** The diff is cut here, as in the published cache. */
    static final int MAX_DIFF = 60 * 1024;
    /** Lines kept either side of a linked line. */
    static final int CONTEXT = 20;
    private static final ObjectMapper JSON = JsonlFile.JSON;

    private Commits() {
    }

    /**
     * @param github   where repositories live, e.g. {@code https://github.com}
     * @param refs     the study's GitHub references
     * @param progress told how many references have been handled
     * @return reference → why it is missing
     */
    public static Map<String, String> fetch(Path out, String github, List<GithubRef> refs, IntConsumer progress)
            throws IOException {
        Path commitsFile = out.resolve("islam2019/github_commits.jsonl");
        Path filesFile = out.resolve("islam2019/github_files.jsonl");
        Map<String, ObjectNode> commits = JsonlFile.read(commitsFile, n -> n.path("sha").asText());
        Map<String, ObjectNode> files = JsonlFile.read(filesFile, Commits::fileKey);
        Map<String, List<GithubRef>> byRepo = new TreeMap<>();
        for (GithubRef r : refs) {
            boolean have = r.kind() == GithubRef.Kind.BLOB ? files.containsKey(r.sha() + "/" + r.path() + "#" + r.line())
                    : commits.containsKey(r.sha());
            if (!have) {
                byRepo.computeIfAbsent(r.repo(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, String> missing = new LinkedHashMap<>();
        int done = refs.size() - byRepo.values().stream().mapToInt(List::size).sum();
        progress.accept(done);
        for (Map.Entry<String, List<GithubRef>> e : byRepo.entrySet()) {
            Path cache = out.resolve(".cache/git").resolve(e.getKey() + ".git");
            try (Git git = open(cache)) {
                for (GithubRef r : e.getValue()) {
                    String why = fetchOne(git, github + "/" + e.getKey() + ".git", r, commits, files);
                    if (why != null) {
                        missing.put(describe(r), why);
                        if (why.startsWith("repository gone")) {
                            e.getValue().stream().filter(o -> o != r).forEach(o -> missing.put(describe(o), why));
                            break;
                        }
                    }
                }
            }
            done += e.getValue().size();
            progress.accept(done);
        }
        JsonlFile.write(commitsFile, commits.values());
        JsonlFile.write(filesFile, files.values());
        return missing;
    }

    private static String fetchOne(Git git, String url, GithubRef r, Map<String, ObjectNode> commits,
                                   Map<String, ObjectNode> files) throws IOException {
        Repository repo = git.getRepository();
        if (repo.getObjectDatabase().has(ObjectId.fromString(r.sha())) || r.sha().length() < 40) {
            // already cached, or an abbreviated id that cannot be asked for by name
        } else {
            try {
                git.fetch().setRemote(url).setRefSpecs(new RefSpec("+" + r.sha() + ":refs/dlbugs/" + r.sha()))
                        .setDepth(2).call();
            } catch (GitAPIException | RuntimeException byId) {
                if (gone(byId)) {
                    return "repository gone: " + url;
                }
                try {
                    git.fetch().setRemote(url).setRefSpecs(new RefSpec("+refs/heads/*:refs/dlbugs-heads/*")).call();
                } catch (GitAPIException | RuntimeException all) {
                    return gone(all) ? "repository gone: " + url : "fetch failed: " + all.getMessage();
                }
            }
        }
        ObjectId id = repo.resolve(r.sha() + "^{commit}");
        if (id == null) {
            return "commit not in the repository any more";
        }
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit c = walk.parseCommit(id);
            if (r.kind() == GithubRef.Kind.BLOB) {
                ObjectNode snippet = snippet(repo, c, r);
                if (snippet == null) {
                    return "file " + r.path() + " not in that commit";
                }
                files.put(fileKey(snippet), snippet);
            } else {
                commits.put(c.name(), commit(repo, walk, c, r.repo()));
            }
        }
        return null;
    }

    private static boolean gone(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NoRemoteRepositoryException || String.valueOf(t.getMessage()).contains("not found")) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode commit(Repository repo, RevWalk walk, RevCommit c, String name) throws IOException {
        PersonIdent a = c.getAuthorIdent();
        ObjectNode n = JSON.createObjectNode().put("repo", name).put("sha", c.name()).put("source_repo", name)
                .put("date", a.getWhenAsInstant().atZone(a.getZoneId()).toOffsetDateTime().toString()).put("author", a.getName());
        var parents = n.putArray("parents");
        for (RevCommit p : c.getParents()) {
            parents.add(p.name());
        }
        n.put("message", c.getFullMessage().strip());
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        var files = n.putArray("files");
        try (DiffFormatter df = new DiffFormatter(buf)) {
            df.setRepository(repo);
            df.setDetectRenames(true);
            var oldTree = c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0)).getTree();
            List<DiffEntry> entries = df.scan(oldTree, c.getTree());
            for (DiffEntry e : entries) {
                files.add(e.getChangeType() == DiffEntry.ChangeType.DELETE ? e.getOldPath() : e.getNewPath());
            }
            df.format(entries);
        }
        String diff = RawParseUtils.decode(buf.toByteArray());
        boolean cut = diff.length() > MAX_DIFF;
        n.put("diff", cut ? diff.substring(0, MAX_DIFF) : diff).put("truncated", cut);
        return n;
    }

    private static ObjectNode snippet(Repository repo, RevCommit c, GithubRef r) throws IOException {
        try (TreeWalk tw = TreeWalk.forPath(repo, r.path(), c.getTree())) {
            if (tw == null) {
                return null;
            }
            String text = RawParseUtils.decode(repo.open(tw.getObjectId(0), Constants.OBJ_BLOB).getCachedBytes());
            String[] lines = text.split("\n", -1);
            int start = Math.max(1, r.line() - CONTEXT);
            int end = Math.min(lines.length, r.line() + CONTEXT);
            return JSON.createObjectNode().put("repo", r.repo()).put("sha", c.name()).put("path", r.path())
                    .put("source_repo", r.repo()).put("line", r.line()).put("start_line", start)
                    .put("text", String.join("\n", Arrays.asList(lines).subList(start - 1, end)));
        }
    }

    private static Git open(Path cache) throws IOException {
        try {
            return Files.isDirectory(cache) ? Git.open(cache.toFile())
                    : Git.init().setBare(true).setDirectory(cache.toFile()).call();
        } catch (GitAPIException e) {
            throw new IOException("cannot create the cache " + cache + ": " + e.getMessage(), e);
        }
    }

    private static String describe(GithubRef r) {
        return r.repo() + "@" + r.sha() + (r.kind() == GithubRef.Kind.BLOB ? ":" + r.path() + "#L" + r.line() : "");
    }

    private static String fileKey(JsonNode n) {
        return n.path("sha").asText() + "/" + n.path("path").asText() + "#" + n.path("line").asInt();
    }
}
