package dlbugs.corrections;

import dlbugs.model.api.CorrectionRequest;

import java.util.Objects;

/**
 * A correction to record: what a person said, where, and whether it is already decided (a label
 * a person changed on GitHub is accepted as it is recorded, reviewed by that person).
 *
 * @param request  the report, head, label, what was corrected, author and note
 * @param origin   where it was made
 * @param status   {@link Status#NEW}, or {@link Status#ACCEPTED} for a decision made elsewhere
 * @param reviewer who accepted it, for {@link Status#ACCEPTED}; null for {@link Status#NEW}
 */
public record NewCorrection(CorrectionRequest request, Origin origin, Status status, String reviewer) {

    public NewCorrection {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(origin, "origin");
        if (status == Status.REJECTED || (status == Status.ACCEPTED) == (reviewer == null)) {
            throw new IllegalArgumentException("a new correction is new (no reviewer) or accepted (with its reviewer)");
        }
    }

    /** @return a correction for a reviewer to decide on */
    public static NewCorrection of(CorrectionRequest request, Origin origin) {
        return new NewCorrection(request, origin, Status.NEW, null);
    }

    /** @return a correction decided already by {@code reviewer} */
    public static NewCorrection accepted(CorrectionRequest request, Origin origin, String reviewer) {
        return new NewCorrection(request, origin, Status.ACCEPTED, reviewer);
    }
}
