package io.haven.staff;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * What the staff home shows of the cases the signed-in member may open: counts that need attention, the
 * member's own open cases and the nearest deadlines. Casework provides it (casework depends on staff).
 * Never report content: case numbers, category and status keys, dates.
 */
public interface CaseDashboard {

    /** One case line: its id (for the link), its number at its school, message keys of its category (workspace bundle) and status (reporting bundle), and (for deadlines) what is due when. */
    record Line(
            long caseId,
            int caseNumber,
            String categoryKey,
            String statusKey,
            boolean dangerNow,
            ZonedDateTime due,
            boolean acknowledge) {}

    /** Counts of open cases: new, danger now, and new past their acknowledgement time. */
    record Counts(long fresh, long dangerNow, long overdue) {}

    Counts counts();

    /** Open cases assigned to the signed-in member, nearest deadline first. */
    List<Line> mine();

    /** The open cases with the nearest deadlines (acknowledgement for new ones, review for the others). */
    List<Line> nextDeadlines(int max);
}
