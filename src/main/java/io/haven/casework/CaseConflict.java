package io.haven.casework;

import io.haven.report.ReportCase;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A change made on a page that showed an older version of the case, while someone else changed it in
 * between. Nothing is written; {@link CaseConflictPage} shows the case as it is now, what changed, and
 * the user's text kept in its field.
 */
public class CaseConflict extends RuntimeException {

    /** One change by someone else since the page was opened; {@code what} is null for a reporter's message. */
    public record Change(String who, ZonedDateTime at, String what) {}

    final long caseId;
    /** The form field of the refused change (status, assignee, note, message). */
    final String field;

    final String text;
    final List<Change> changes;

    CaseConflict(long caseId, String field, String text, List<Change> changes) {
        super("case " + caseId + " changed meanwhile", null, false, false);
        this.caseId = caseId;
        this.field = field;
        this.text = text;
        this.changes = changes;
    }

    /**
     * Refuses the change when the page showed another version ({@code seenVersion}; null when the form
     * did not say) and someone other than the signed-in staff member changed the case since they opened it.
     * The caller holds the case row's lock, so nothing can slip in between this check and the write.
     */
    static void check(CaseService cases, ReportCase c, Long seenVersion, String field, String text) {
        if (seenVersion == null || seenVersion == c.version) {
            return;
        }
        List<Change> changes = cases.changesByOthersSinceView(c);
        if (!changes.isEmpty()) {
            throw new CaseConflict(c.id, field, text, changes);
        }
    }
}
