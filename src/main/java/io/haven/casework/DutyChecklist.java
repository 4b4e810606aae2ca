package io.haven.casework;

import io.haven.lesson.Duty;
import io.haven.lesson.Localized;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The legal duties of a case as its page and its export show them: each applicable duty with its due
 * time in the school's zone, whether it is overdue, and what staff recorded (decrypted). A refused duty
 * form comes back with what was typed in it.
 */
public class DutyChecklist {

    /**
     * One duty of the case. {@code due} is null for "as soon as possible"; {@code state} null while it is
     * still to do; {@code when} is when it was done (or marked not applicable).
     */
    public record Line(
            Duty duty,
            ZonedDateTime due,
            boolean overdue,
            CaseDutyMark.State state,
            ZonedDateTime when,
            String who,
            String reference,
            String reason) {

        public boolean isOpen() {
            return state == null;
        }

        public boolean isDone() {
            return state == CaseDutyMark.State.DONE;
        }

        public boolean isNotApplicable() {
            return state == CaseDutyMark.State.NOT_APPLICABLE;
        }

        /** The prefix of this duty's field ids on the page. */
        public String getField() {
            return "duty-" + duty.id();
        }

        public String getDoneAtField() {
            return getField() + "-done-at";
        }

        public String getReferenceField() {
            return getField() + "-reference";
        }

        public String getReasonField() {
            return getField() + "-reason";
        }
    }

    public final List<Line> lines;
    /** The name of the school's jurisdiction (the template picks the page's language). */
    public final Localized jurisdictionName;

    /** The duty whose form was refused, and what was typed in it. */
    public String typedDuty = "";

    public String typedDoneAt = "";
    public String typedReference = "";
    public String typedReason = "";

    public DutyChecklist(List<Line> lines, Localized jurisdictionName) {
        this.lines = lines;
        this.jurisdictionName = jurisdictionName;
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public String doneAtOf(String dutyId) {
        return dutyId.equals(typedDuty) ? typedDoneAt : "";
    }

    public String referenceOf(String dutyId) {
        return dutyId.equals(typedDuty) ? typedReference : "";
    }

    public String reasonOf(String dutyId) {
        return dutyId.equals(typedDuty) ? typedReason : "";
    }
}
