package dlbugs.label.repo;

import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.util.RawParseUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dlbugs.label.repo.CommitScanner.MAX_COMMIT_DIFF;
import static dlbugs.label.repo.CommitScanner.MAX_DIFFED_BLOB;
import static dlbugs.label.repo.CommitScanner.MAX_FILE_DIFF;
import static dlbugs.label.repo.CommitScanner.MAX_LISTED_FILES;

/**
 * Diffs one commit against its first parent and keeps the files that are DL code. Each blob is
 * read once: the content that tells the library is the content that is diffed. Paths that cannot
 * be DL code (by extension) and submodules are never read; large files only their first bytes.
 * One instance per thread: it owns its object reader and formatter.
 */
final class DlDiffer implements AutoCloseable {

    private static final byte[] EMPTY = new byte[0];

    private final ObjectReader reader;
    private final DiffFormatter formatter;
    private final ByteArrayOutputStream buf;
    private final DiffAlgorithm algorithm = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM);

    DlDiffer(Repository repo) {
        this.reader = repo.newObjectReader();
        this.buf = new ByteArrayOutputStream();
        this.formatter = new DiffFormatter(buf);
        formatter.setReader(reader, repo.getConfig());
        formatter.setDetectRenames(true);
        formatter.setBinaryFileThreshold(MAX_DIFFED_BLOB);
    }

    /**
     * @param oldTree the first parent's tree, or null for a root commit
     * @return the commit as a candidate, or skipped if it touches no DL code or lacks objects
     */
    ScanOutcome outcome(CommitInfo info, ObjectId oldTree, ObjectId newTree) throws IOException {
        try {
            List<String> files = new ArrayList<>();
            List<FileChange> changes = new ArrayList<>();
            int budget = MAX_COMMIT_DIFF;
            for (DiffEntry e : formatter.scan(oldTree, newTree)) {
                if (files.size() < MAX_LISTED_FILES) {
                    files.add(e.getChangeType() == DiffEntry.ChangeType.DELETE ? e.getOldPath() : e.getNewPath());
                }
                Optional<FileChange> change = change(e, budget);
                if (change.isPresent()) {
                    budget -= change.get().diff().length();
                    changes.add(change.get());
                }
            }
            return changes.isEmpty() ? new ScanOutcome.Skipped(info, SkipReason.NO_DL_CODE)
                    : new ScanOutcome.Candidate(info, files, changes);
        } catch (MissingObjectException e) {
            return new ScanOutcome.Skipped(info, SkipReason.MISSING_OBJECTS);
        }
    }

    @Override
    public void close() {
        formatter.close();
        reader.close();
    }

    /**
     * @param budget characters of diff the commit may still add; at 0 the diff is left out
     * @return the change, or empty if the file is not DL code
     */
    private Optional<FileChange> change(DiffEntry e, int budget) throws IOException {
        boolean deleted = e.getChangeType() == DiffEntry.ChangeType.DELETE;
        boolean added = e.getChangeType() == DiffEntry.ChangeType.ADD;
        String path = deleted ? e.getOldPath() : e.getNewPath();
        FileMode mode = deleted ? e.getOldMode() : e.getNewMode();
        if (!DlLibraries.mayBeDl(path) || mode == FileMode.GITLINK || mode.getObjectType() != Constants.OBJ_BLOB) {
            return Optional.empty();
        }
        ObjectLoader mainBlob = reader.open((deleted ? e.getOldId() : e.getNewId()).toObjectId(), Constants.OBJ_BLOB);
        boolean large = mainBlob.getSize() > MAX_DIFFED_BLOB;
        byte[] main = large ? head(mainBlob) : mainBlob.getCachedBytes();
        Optional<String> library = RawText.isBinary(main) ? Optional.empty() : DlLibraries.of(path, main);
        if (library.isEmpty()) {
            return Optional.empty();
        }
        String oldPath = added ? path : e.getOldPath();
        String type = e.getChangeType().name();
        ObjectLoader otherBlob = deleted || added ? null : reader.open(e.getOldId().toObjectId(), Constants.OBJ_BLOB);
        large = large || otherBlob != null && otherBlob.getSize() > MAX_DIFFED_BLOB;
        if (budget <= 0 || large) {
            String why = budget <= 0 ? "commit diff over the cap" : "file larger than " + MAX_DIFFED_BLOB + " bytes";
            return Optional.of(new FileChange(path, oldPath, type, library.get(), "[diff not included: " + why + "]", true));
        }
        byte[] before = deleted ? main : otherBlob == null ? EMPTY : otherBlob.getCachedBytes();
        RawText a = new RawText(before);
        RawText b = new RawText(deleted ? EMPTY : main);
        EditList edits = algorithm.diff(RawTextComparator.DEFAULT, a, b);
        buf.reset();
        formatter.format(edits, a, b);
        formatter.flush();
        String text = RawParseUtils.decode(buf.toByteArray());
        int cap = Math.min(MAX_FILE_DIFF, budget);
        boolean cut = text.length() > cap;
        return Optional.of(new FileChange(path, oldPath, type, library.get(), cut ? text.substring(0, cap) : text, cut));
    }

    private static byte[] head(ObjectLoader blob) throws IOException {
        try (InputStream in = blob.openStream()) {
            return in.readNBytes(DlLibraries.HEAD_BYTES);
        }
    }
}
