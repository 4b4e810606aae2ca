package io.haven.casework;

import java.time.ZonedDateTime;

/** A line of the case list. */
public record CaseRow(
        CaseListItem c,
        String schoolName,
        ZonedDateTime received,
        ZonedDateTime acknowledgeBy,
        boolean overdue,
        String assigneeName) {}
