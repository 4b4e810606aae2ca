package io.haven.staff;

import io.haven.lesson.Localized;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The required legal duties past their due time on a school's open cases, for the staff home page.
 * Casework provides it (staff cannot depend on casework: casework depends on staff).
 */
public interface OverdueDuties {

    /** One overdue duty: the case number, the duty's checklist line and when it was due. Never report content. */
    record Line(long caseId, Localized title, ZonedDateTime due) {}

    /** The overdue required duties of the school's cases that the signed-in staff member may open. */
    List<Line> forSchool(long schoolId);
}
