package io.haven.casework;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * The deadline side of a case page: reminders sent to administrators, the legal hold, and whether
 * retention has deleted the content. Times are in the school's zone.
 */
public class CaseDeadlines {

    /**
     * A reminder to administrators, how many it went to, and what it was about: the case not acknowledged
     * in time, required legal duties past their due time, or both.
     */
    public record Escalation(ZonedDateTime at, int recipients, boolean unacknowledged, int overdueDuties) {}

    public final List<Escalation> escalations;
    public final boolean legalHold;
    public final ZonedDateTime holdSince;
    public final String holdByName;
    public final String holdReason;
    public final ZonedDateTime purgedAt;

    /** What was typed in the hold form when it comes back with an error. */
    public String typedHoldReason = "";

    public CaseDeadlines(
            List<Escalation> escalations,
            boolean legalHold,
            ZonedDateTime holdSince,
            String holdByName,
            String holdReason,
            ZonedDateTime purgedAt) {
        this.escalations = escalations;
        this.legalHold = legalHold;
        this.holdSince = holdSince;
        this.holdByName = holdByName;
        this.holdReason = holdReason;
        this.purgedAt = purgedAt;
    }

    public boolean isPurged() {
        return purgedAt != null;
    }
}
