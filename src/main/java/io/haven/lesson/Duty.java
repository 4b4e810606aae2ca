package io.haven.lesson;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One duty that the law or binding guidance of a jurisdiction gives school staff when a report comes in,
 * as data with its source (content/duties; see content/README.md). {@code ages} empty means any age;
 * {@code dueHours} is null for "immediately" (0) and "as soon as possible" ({@code asap}).
 */
public record Duty(
        String id,
        String jurisdiction,
        String who,
        List<String> categories,
        List<String> ages,
        boolean dangerNow,
        String action,
        boolean mandatory,
        boolean asap,
        Duration due,
        Localized title,
        Localized detail,
        Localized statute,
        String source,
        LocalDate reviewed,
        String status,
        Localized note)
        implements Serializable {

    /** The age bands a reporter may choose that count as a child; "not sure" counts as all of them. */
    public static final Set<String> MINOR_BANDS = Set.of("5-7", "8-10", "11-13", "14-18");

    public static final String NOT_SURE = "not-sure";

    /**
     * Whether this duty applies to a case: same jurisdiction, its category listed (or any), the age band
     * listed when ages are given ("not sure" counting as a minor), and danger now when the duty asks for it.
     */
    public boolean appliesTo(String caseJurisdiction, String category, String ageBand, boolean caseDangerNow) {
        if (!jurisdiction.equals(caseJurisdiction)) {
            return false;
        }
        if (!categories.contains("any") && !categories.contains(category)) {
            return false;
        }
        if (!ages.isEmpty()) {
            boolean notSure = ageBand == null || NOT_SURE.equals(ageBand);
            boolean listed = notSure ? ages.stream().anyMatch(MINOR_BANDS::contains) : ages.contains(ageBand);
            if (!listed) {
                return false;
            }
        }
        return !dangerNow || caseDangerNow;
    }

    /** When it is due, counted from the report's received time; empty for "as soon as possible". */
    public Optional<Instant> dueAt(Instant received) {
        return asap ? Optional.empty() : Optional.of(received.plus(due));
    }

    public boolean isImmediate() {
        return !asap && due.isZero();
    }

    /** The number of hours for a {hours: N} deadline (0 when immediate or asap). */
    public long getDueHours() {
        return asap ? 0 : due.toHours();
    }

    /** A duty not checked against its source for over a year is due for review (the law facts' rule). */
    public boolean dueForReview(LocalDate today) {
        return reviewed.plusMonths(12).isBefore(today);
    }

    public boolean needsReview() {
        return "needs-review".equals(status);
    }

    /** The message keys of the categories' labels (report_category_sextortion, ...), for pages that list them. */
    public List<String> getCategoryKeys() {
        return categories.stream()
                .map(c -> "report_category_" + c.replace('-', '_'))
                .toList();
    }

    /** The age bands as a list to read ("5-7, 8-10"). */
    public String getAgesText() {
        return String.join(", ", ages);
    }

    /** The message key of the action: duty_action_report_police, ... */
    public String getActionKey() {
        return "duty_action_" + action.replace('-', '_');
    }

    /** The message key of who must act: duty_who_any_staff, duty_who_lead, duty_who_head. */
    public String getWhoKey() {
        return "duty_who_" + who.replace('-', '_');
    }

    /** The message key of the status: duty_status_verified, ... */
    public String getStatusKey() {
        return "duty_status_" + status.replace('-', '_');
    }
}
