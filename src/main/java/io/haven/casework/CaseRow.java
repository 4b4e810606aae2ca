package io.haven.casework;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * A line of the case list, with its words and its date already in the reader's language: the list has 200
 * lines, and each message look-up by key or formatter look-up from the template cost more than the row's own
 * fields (docs/benchmarks.md, row 4).
 */
public record CaseRow(
        CaseListItem c,
        String schoolName,
        ZonedDateTime received,
        ZonedDateTime acknowledgeBy,
        boolean overdue,
        String assigneeName,
        Map<String, String> labels,
        DateTimeFormatter format) {

    public String categoryLabel() {
        return labels.get(c.category().getStaffKey());
    }

    public String statusLabel() {
        return labels.get(c.status().getStaffKey());
    }

    /** The outcome's words, or null for a case without one. */
    public String outcomeLabel() {
        return c.outcome() == null ? null : labels.get(c.outcome().getStaffKey());
    }

    public String receivedText() {
        return received.format(format);
    }
}
