package dlbugs.train.repo;

import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.util.RawParseUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import static dlbugs.train.repo.CommitScanner.MAX_DIFFED_BLOB;
import static dlbugs.train.repo.CommitScanner.MAX_FILE_DIFF;

/**
 * Turns one changed file into a {@link FileChange} if it is DL code. Each blob is read once:
 * the content that tells the library is the content that is diffed. Paths that cannot be DL code
 * (by extension), submodules and binaries are never read past their first bytes.
 */
final class DlDiffer {

    private static final byte[] EMPTY = new byte[0];

    private final ObjectReader reader;
    private final DiffFormatter formatter;
    private final ByteArrayOutputStream buf;
    private final DiffAlgorithm algorithm = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM);

    /** @param formatter writes hunks into {@code buf} */
    DlDiffer(ObjectReader reader, DiffFormatter formatter, ByteArrayOutputStream buf) {
        this.reader = reader;
        this.formatter = formatter;
        this.buf = buf;
    }

    /**
     * @param budget characters of diff the commit may still add; at 0 the diff is left out
     * @return the change, or empty if the file is not DL code
     */
    Optional<FileChange> change(DiffEntry e, int budget) throws IOException {
        boolean deleted = e.getChangeType() == DiffEntry.ChangeType.DELETE;
        boolean added = e.getChangeType() == DiffEntry.ChangeType.ADD;
        String path = deleted ? e.getOldPath() : e.getNewPath();
        FileMode mode = deleted ? e.getOldMode() : e.getNewMode();
        if (!DlLibraries.mayBeDl(path) || mode == FileMode.GITLINK || mode.getObjectType() != Constants.OBJ_BLOB) {
            return Optional.empty();
        }
        ObjectId mainId = (deleted ? e.getOldId() : e.getNewId()).toObjectId();
        boolean large = reader.getObjectSize(mainId, Constants.OBJ_BLOB) > MAX_DIFFED_BLOB;
        byte[] main = large ? head(mainId) : reader.open(mainId, Constants.OBJ_BLOB).getCachedBytes();
        Optional<String> library = RawText.isBinary(main) ? Optional.empty() : DlLibraries.of(path, main);
        if (library.isEmpty()) {
            return Optional.empty();
        }
        String oldPath = added ? path : e.getOldPath();
        String type = e.getChangeType().name();
        ObjectId otherId = deleted || added ? null : e.getOldId().toObjectId();
        large = large || otherId != null && reader.getObjectSize(otherId, Constants.OBJ_BLOB) > MAX_DIFFED_BLOB;
        if (budget <= 0 || large) {
            String why = budget <= 0 ? "commit diff over the cap" : "file larger than " + MAX_DIFFED_BLOB + " bytes";
            return Optional.of(new FileChange(path, oldPath, type, library.get(), "[diff not included: " + why + "]", true));
        }
        byte[] before = deleted ? main : otherId == null ? EMPTY : reader.open(otherId, Constants.OBJ_BLOB).getCachedBytes();
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

    private byte[] head(ObjectId id) throws IOException {
        try (InputStream in = reader.open(id, Constants.OBJ_BLOB).openStream()) {
            return in.readNBytes(DlLibraries.HEAD_BYTES);
        }
    }
}
