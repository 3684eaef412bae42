package dlbugs.label.repo;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

/** Builds a real git repository with JGit, one commit at a time, with fixed dates. */
public final class GitFixture implements AutoCloseable {

    private final Git git;
    private final Path dir;
    private Instant clock = Instant.parse("2024-01-01T10:00:00Z");

    private GitFixture(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    public static GitFixture init(Path dir) throws Exception {
        return new GitFixture(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
    }

    public Path dir() {
        return dir;
    }

    public GitFixture write(String path, String content) throws IOException {
        return write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public GitFixture write(String path, byte[] content) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        return this;
    }

    GitFixture delete(String path) throws IOException {
        Files.delete(dir.resolve(path));
        return this;
    }

    /** Stages everything (additions, changes, deletions) and commits it. */
    public RevCommit commit(String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent who = new PersonIdent("Ada Lovelace", "ada@example.org", clock, ZoneOffset.ofHours(2));
        clock = clock.plusSeconds(3600);
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    void branch(String name) throws Exception {
        git.checkout().setCreateBranch(true).setName(name).call();
    }

    void checkout(String name) throws Exception {
        git.checkout().setName(name).call();
    }

    /** Merges {@code branch} into the current branch with a merge commit. */
    RevCommit merge(String branch, String message) throws Exception {
        ObjectId id = git.getRepository().resolve(branch);
        git.merge().include(id).setFastForward(MergeCommand.FastForwardMode.NO_FF).setCommit(false).call();
        return commit(message);
    }

    /** Configures a remote, as {@code git remote add NAME URL} does. */
    public GitFixture addRemote(String name, String url) throws IOException {
        var config = git.getRepository().getConfig();
        config.setString("remote", name, "url", url);
        config.save();
        return this;
    }

    /** Adds another repository as a submodule at {@code path} (staged, not committed). */
    void addSubmodule(String path, Path other) throws Exception {
        git.submoduleAdd().setPath(path).setURI(other.toUri().toString()).call().close();
    }

    /** Deletes a loose object, as a damaged or partial copy of a repository would lack it. */
    void deleteObject(ObjectId id) throws IOException {
        String name = id.name();
        Files.delete(dir.resolve(".git/objects").resolve(name.substring(0, 2)).resolve(name.substring(2)));
    }

    /** Marks {@code id} as the boundary of a shallow clone, as {@code git clone --depth} does. */
    void makeShallowAt(ObjectId id) throws IOException {
        Files.writeString(dir.resolve(".git").resolve(Constants.SHALLOW), id.name() + "\n");
    }

    ObjectId blobOf(RevCommit c, String path) throws IOException {
        try (var walk = new org.eclipse.jgit.treewalk.TreeWalk(git.getRepository())) {
            walk.addTree(c.getTree());
            walk.setRecursive(true);
            walk.setFilter(org.eclipse.jgit.treewalk.filter.PathFilter.create(path));
            if (!walk.next()) {
                throw new IllegalArgumentException(path);
            }
            return walk.getObjectId(0);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
