package dlbugs.label.repo;

import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevWalkException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.CommitTimeRevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.storage.file.WindowCacheConfig;
import org.eclipse.jgit.util.FS;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * Walks a repository's history with JGit and finds the bug-fix commits that touch DL code,
 * with their DL-relevant diffs. A merge is diffed against its first parent; renames are
 * detected; binary files and submodules are never DL code; a diff is cut at
 * {@link #MAX_FILE_DIFF} characters per file and {@link #MAX_COMMIT_DIFF} per commit, and a
 * file over {@link #MAX_DIFFED_BLOB} bytes is not diffed at all (both marked as truncated).
 * Commits are diffed on a small pool (one thread per core) while the walk goes on, and reported
 * in walk order; at most {@code MAX_PENDING} are in flight and commit bodies are released as the
 * walk goes, so memory grows only with the number of commit ids, never with diffs.
 */
public final class CommitScanner implements AutoCloseable {

    /** Paths listed per commit record. */
    public static final int MAX_LISTED_FILES = 100;
    /** Characters of diff kept per file. */
    public static final int MAX_FILE_DIFF = 32_000;
    /** Characters of diff kept per commit. */
    public static final int MAX_COMMIT_DIFF = 128_000;
    /** Files larger than this many bytes are not diffed. */
    public static final int MAX_DIFFED_BLOB = 1 << 20;

    /** Receives each commit's outcome, in walk order (newest first). */
    @FunctionalInterface
    public interface OutcomeSink {
        void accept(ScanOutcome outcome) throws IOException;
    }

    /** Commits diffed ahead of the one being reported; bounds memory whatever the history's size. */
    private static final int MAX_PENDING = 64;

    private final Repository repo;
    private final int threads;

    private CommitScanner(Repository repo, int threads) {
        this.repo = repo;
        this.threads = threads;
    }

    /**
     * Sizes JGit's process-wide pack caches for walking a whole history: reading every changed
     * blob resolves long delta chains, which the default 10 MB delta-base cache keeps evicting.
     * Call once, before opening repositories.
     */
    public static void configureCaches() {
        WindowCacheConfig c = new WindowCacheConfig();
        c.setPackedGitLimit(256L << 20);
        c.setDeltaBaseCacheLimit(128 << 20);
        c.setPackedGitWindowSize(64 << 10);
        c.setPackedGitMMAP(true);
        c.install();
    }

    /** As {@link #open(Path, int)} with one diff thread per core. */
    public static CommitScanner open(Path dir) {
        return open(dir, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param dir     a work tree, or a bare repository
     * @param threads threads diffing commits in parallel (outcomes are still reported in walk order)
     * @throws RepoException if {@code dir} is not a git repository
     */
    public static CommitScanner open(Path dir, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        if (!Files.isDirectory(dir)) {
            throw new RepoException("no such directory: " + dir);
        }
        var gitDir = RepositoryCache.FileKey.resolve(dir.toFile(), FS.DETECTED);
        if (gitDir == null) {
            throw new RepoException("not a git repository: " + dir);
        }
        try {
            return new CommitScanner(new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build(), threads);
        } catch (IOException e) {
            throw new RepoException("cannot open the repository at " + dir + ": " + e.getMessage(), e);
        }
    }

    /** @return true if the repository has no commit to start from (a fresh {@code git init}) */
    public boolean isEmpty() {
        try {
            return repo.resolve(Constants.HEAD) == null && repo.getRefDatabase().getRefs().isEmpty();
        } catch (IOException e) {
            throw new RepoException("cannot read the repository's refs: " + e.getMessage(), e);
        }
    }

    /** @return the URL of the remote {@code origin}, else of the first remote configured; empty if none */
    public Optional<String> remoteUrl() {
        Config config = repo.getConfig();
        List<String> remotes = new ArrayList<>(config.getSubsections(ConfigConstants.CONFIG_REMOTE_SECTION));
        if (remotes.remove(Constants.DEFAULT_REMOTE_NAME)) {
            remotes.add(0, Constants.DEFAULT_REMOTE_NAME);
        }
        return remotes.stream()
                .map(r -> config.getString(ConfigConstants.CONFIG_REMOTE_SECTION, r, ConfigConstants.CONFIG_KEY_URL))
                .filter(Objects::nonNull).findFirst();
    }

    /** @return the number of commits {@code selection} walks, for progress and ETA */
    public long count(RevSelection selection) {
        if (isEmpty()) {
            return 0;
        }
        try (RevWalk walk = walk(selection)) {
            walk.setRetainBody(false);
            long n = 0;
            for (RevCommit ignored : walk) {
                n++;
            }
            return n;
        } catch (RevWalkException e) {
            throw incomplete(e, 0);
        }
    }

    /**
     * Walks {@code selection} newest first and reports every commit to {@code sink}.
     *
     * @param done true for a commit already labelled, which is reported as skipped
     * @throws RepoException if the history itself cannot be read (a missing commit object);
     *                       what {@code sink} received so far stands
     */
    public void scan(RevSelection selection, FixPolicy policy, Predicate<String> done, OutcomeSink sink)
            throws IOException {
        if (isEmpty()) {
            return;
        }
        BlockingQueue<DlDiffer> idle = new ArrayBlockingQueue<>(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "dlbugs-diff");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<ScanOutcome>> pending = new ArrayDeque<>();
        long seen = 0;
        try (RevWalk walk = walk(selection)) {
            for (int i = 0; i < threads; i++) {
                idle.add(new DlDiffer(repo));
            }
            Set<ObjectId> shallow = walk.getObjectReader().getShallowCommits();
            for (RevCommit c : walk) {
                seen++;
                pending.add(outcome(walk, c, shallow, policy, done, pool, idle));
                c.disposeBody();
                while (pending.size() >= MAX_PENDING || pending.peek().isDone()) {
                    sink.accept(result(pending.poll()));
                    if (pending.isEmpty()) {
                        break;
                    }
                }
            }
            while (!pending.isEmpty()) {
                sink.accept(result(pending.poll()));
            }
        } catch (RevWalkException e) {
            throw incomplete(e, seen);
        } finally {
            pool.shutdownNow();
            idle.forEach(DlDiffer::close);
        }
    }

    /** The cheap checks on the walking thread; the diff, if one is needed, on the pool. */
    private Future<ScanOutcome> outcome(RevWalk walk, RevCommit c, Set<ObjectId> shallow, FixPolicy policy,
                                        Predicate<String> done, ExecutorService pool, BlockingQueue<DlDiffer> idle)
            throws IOException {
        CommitInfo info = info(c);
        SkipReason skip = done.test(info.sha()) ? SkipReason.ALREADY_LABELLED
                : !policy.isFix(info.message()) ? SkipReason.NOT_A_FIX
                : shallow.contains(c) ? SkipReason.SHALLOW_BOUNDARY : null;
        if (skip != null) {
            return CompletableFuture.completedFuture(new ScanOutcome.Skipped(info, skip));
        }
        ObjectId newTree = c.getTree().copy();
        ObjectId oldTree;
        try {
            oldTree = c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0)).getTree().copy();
        } catch (MissingObjectException e) {
            return CompletableFuture.completedFuture(new ScanOutcome.Skipped(info, SkipReason.MISSING_OBJECTS));
        }
        return pool.submit(() -> {
            DlDiffer differ = idle.take();
            try {
                return differ.outcome(info, oldTree, newTree);
            } finally {
                idle.add(differ);
            }
        });
    }

    private static ScanOutcome result(Future<ScanOutcome> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while diffing");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static CommitInfo info(RevCommit c) {
        PersonIdent a = c.getAuthorIdent();
        return new CommitInfo(c.name(), a.getWhenAsInstant().atZone(a.getZoneId()).toOffsetDateTime(),
                a.getName(), c.getFullMessage(), c.getParentCount());
    }

    private RevWalk walk(RevSelection selection) {
        RevWalk walk = new RevWalk(repo);
        try {
            String[] ends = selection.range().split("\\.\\.", 2);
            walk.markStart(walk.parseCommit(resolve(ends.length == 2 ? orHead(ends[1]) : ends[0])));
            if (ends.length == 2) {
                walk.markUninteresting(walk.parseCommit(resolve(orHead(ends[0]))));
            }
            if (selection.since() != null) {
                walk.setRevFilter(CommitTimeRevFilter.after(Date.from(selection.since())));
            }
            return walk;
        } catch (IOException | RuntimeException e) {
            walk.close();
            throw e instanceof RepoException r ? r
                    : new RepoException("cannot start the walk at '" + selection.range() + "': " + e.getMessage(), e);
        }
    }

    private static String orHead(String rev) {
        return rev.isBlank() ? Constants.HEAD : rev;
    }

    private ObjectId resolve(String rev) throws IOException {
        try {
            ObjectId id = repo.resolve(rev + "^{commit}");
            if (id == null) {
                throw new RepoException("unknown revision '" + rev + "'");
            }
            return id;
        } catch (RevisionSyntaxException e) {
            throw new RepoException("not a revision: '" + rev + "'", e);
        }
    }

    private static RepoException incomplete(RevWalkException e, long seen) {
        return new RepoException("the history is incomplete after " + seen + " commits: "
                + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
    }

    @Override
    public void close() {
        repo.close();
    }
}
