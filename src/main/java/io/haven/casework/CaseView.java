package io.haven.casework;

import io.haven.report.ReportCase;
import io.haven.staff.Staff;
import java.time.ZonedDateTime;
import java.util.List;

/** One case as its handler sees it: decrypted content, conversation, notes, audit trail, choices. */
public record CaseView(
        ReportCase c,
        String schoolName,
        ZonedDateTime received,
        ZonedDateTime acknowledgeBy,
        ZonedDateTime reviewBy,
        boolean overdue,
        String where,
        String when,
        String body,
        String contact,
        List<Entry> conversation,
        List<Entry> notes,
        List<Entry> audit,
        List<Staff> handlers,
        String assigneeName,
        String aboutName,
        CaseDeadlines deadlines,
        DutyChecklist duties) {

    /** A dated line with who wrote or did it. */
    public record Entry(String who, ZonedDateTime at, String text, boolean fromReporter) {}

    public boolean isIntimateImage() {
        return c.category.intimateImage;
    }

    public boolean isAdultConcern() {
        return c.category == io.haven.report.Category.ADULT_CONCERN;
    }
}
