package io.haven.report;

import io.haven.web.Csrf;
import io.haven.web.FormOnce;
import jakarta.validation.constraints.NotBlank;
import org.jboss.resteasy.reactive.RestForm;

/** The reporter's reply on the follow-up page. */
public class ReplyForm {

    @RestForm
    public String receipt = "";

    @RestForm
    @NotBlank(message = "report_error_message")
    public String message = "";

    /** The form's token: the look-up limit tells browsers apart by it. */
    @RestForm(Csrf.FIELD)
    String token;

    /** The form's one-time token: a refresh after sending stores nothing twice. */
    @RestForm(FormOnce.FIELD)
    String once;

    /** The receipt without spaces; the message with plain line ends, kept whole up to twice its limit. */
    ReplyForm stripped() {
        receipt = receipt == null ? "" : receipt.strip();
        String text = message == null ? "" : message.replace("\r\n", "\n").strip();
        message = text.length() > 2 * ReportForm.BODY_MAX ? text.substring(0, 2 * ReportForm.BODY_MAX) : text;
        return this;
    }

    /** The browser's key for the look-up limit. */
    String browser() {
        return "b:" + token;
    }

    /** The message's length in characters as a reader counts them. */
    int length() {
        return message.codePointCount(0, message.length());
    }
}
