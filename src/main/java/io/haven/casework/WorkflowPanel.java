package io.haven.casework;

import io.haven.report.CaseStatus;
import io.haven.report.Category;
import io.haven.report.Outcome;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The workflow part of a case page: referral decisions, a pending close request, the outcome of a
 * closed case, the other reports of its incident, and the values of a refused form.
 */
public record WorkflowPanel(
        List<Referral> referrals,
        Pending pending,
        String outcomeReason,
        Long incidentId,
        List<Linked> linked,
        boolean needsConfirmation,
        WorkflowForm form) {

    /** A recorded referral decision, decrypted. */
    public record Referral(ReferralKind kind, String reference, String reasonNone, String who, ZonedDateTime at) {}

    /** A close request waiting for a second member of staff; mine when the viewer asked for it. */
    public record Pending(
            Outcome outcome, String reason, Long duplicateOfId, String who, ZonedDateTime at, boolean mine) {}

    /** Another report of the same incident: only what the case list shows, never content. */
    public record Linked(
            long id,
            int number,
            Category category,
            CaseStatus status,
            Outcome outcome,
            ZonedDateTime received,
            String schoolName) {}

    public boolean hasReferral() {
        return !referrals.isEmpty();
    }
}
