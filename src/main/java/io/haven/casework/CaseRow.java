package io.haven.casework;

import java.time.ZonedDateTime;

/**
 * A line of the case list, with its words and its date already written in the reader's language: the list has
 * 200 lines, and a message look-up by key or a formatter look-up from the template cost more than the row's
 * own fields (docs/benchmarks.md, row 4).
 *
 * @param received when the report arrived, in the school's zone and the reader's format
 * @param outcome the outcome's words, or null for a case without one
 */
public record CaseRow(
        CaseListItem c,
        String schoolName,
        String received,
        ZonedDateTime acknowledgeBy,
        boolean overdue,
        String assigneeName,
        String category,
        String status,
        String outcome) {}
