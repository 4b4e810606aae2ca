package io.haven.report;

import io.haven.web.Csrf;
import org.jboss.resteasy.reactive.RestForm;

/** Looking up one's report: the receipt code. */
public class FollowUpForm {

    @RestForm
    public String receipt = "";

    /** The form's token: the look-up limit tells browsers apart by it. */
    @RestForm(Csrf.FIELD)
    String token;

    /** The receipt as typed, without the spaces a paste brings; an absent one is empty. */
    FollowUpForm stripped() {
        receipt = receipt == null ? "" : receipt.strip();
        return this;
    }

    /** The browser's key for the look-up limit. */
    String browser() {
        return "b:" + token;
    }
}
