package io.haven.casework;

import io.haven.report.ReportCase;
import java.time.ZonedDateTime;

/** A line of the case list. */
public record CaseRow(ReportCase c, String schoolName, ZonedDateTime received, ZonedDateTime acknowledgeBy,
        boolean overdue, String assigneeName) {
}
