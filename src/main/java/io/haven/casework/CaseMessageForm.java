package io.haven.casework;

import io.haven.report.ReportForm;
import io.haven.web.WrittenText;
import org.jboss.resteasy.reactive.RestForm;

/** The case page's message to the reporter. Not empty, not too long, kept when refused. */
public class CaseMessageForm extends CaseChangeForm {

    @RestForm
    @WrittenText(message = "report_error_message", tooLong = "report_error_too_long", max = ReportForm.BODY_MAX)
    public String message;

    String text() {
        return FormText.text(message);
    }
}
