package io.haven.report;

import io.haven.lesson.HelpDirectory;
import io.haven.lesson.HelpEntry;
import io.haven.school.SchoolDirectory;
import io.haven.web.FormErrors;
import java.util.Collection;
import java.util.List;

/** Everything the report form shows: the fields as typed, their errors, schools, help and takedown services. */
public record ReportPage(
        ReportForm form,
        FormErrors errors,
        Collection<SchoolDirectory.Listing> schools,
        SchoolDirectory.Listing fixedSchool,
        HelpDirectory help,
        List<HelpEntry> takedown,
        String notice) {

    /** The form came back with an error or a notice (stale form, not stored): the page title says so. */
    public boolean formFailed() {
        return errors.isPresent() || (notice != null && !notice.isEmpty());
    }

    public Category[] getCategories() {
        return Category.values();
    }

    public Affected[] getAffectedOptions() {
        return Affected.values();
    }

    public AgeBand[] getAgeBands() {
        return AgeBand.values();
    }

    public int getWhereMax() {
        return ReportForm.WHERE_MAX;
    }

    public int getWhenMax() {
        return ReportForm.WHEN_MAX;
    }

    public int getBodyMax() {
        return ReportForm.BODY_MAX;
    }

    public int getContactMax() {
        return ReportForm.CONTACT_MAX;
    }
}
