package io.haven.casework;

import io.haven.report.ReportForm;
import io.haven.web.WrittenText;
import org.jboss.resteasy.reactive.RestForm;

/** The case page's internal note. Checked like a message (not empty, not too long), kept when refused. */
public class CaseNoteForm extends CaseChangeForm {

    @RestForm
    @WrittenText(message = "report_error_message", tooLong = "report_error_too_long", max = ReportForm.BODY_MAX)
    public String note;

    String text() {
        return FormText.text(note);
    }
}
