package io.haven.report;

import io.haven.web.Csrf;
import io.haven.web.FormErrors;
import io.haven.web.FormOnce;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** The report form's fields as sent, kept as typed so an error page gives them all back. */
public class ReportForm {

    public static final int WHERE_MAX = 1000;
    public static final int WHEN_MAX = 200;
    public static final int BODY_MAX = 5000;
    public static final int CONTACT_MAX = 300;

    /** The fields in page order. */
    static final List<String> FIELDS = List.of(
            "school", "category", "affected", "age", "where", "when", "body", "dangerNow", "contact", "website");

    @RestForm
    public String school = "";

    @RestForm
    public String category = "";

    @RestForm
    public String affected = "";

    /** The age band of the person it happened to; "not sure" unless the reporter chooses one. */
    @RestForm
    public String age = AgeBand.NOT_SURE.id;

    @RestForm
    public String where = "";

    @RestForm
    public String when = "";

    @RestForm
    @NotBlank(message = "report_error_body")
    public String body = "";

    @RestForm
    public String dangerNow = "";

    @RestForm
    public String contact = "";

    /** The honeypot: hidden from people, filled in by bots. */
    @RestForm
    public String website = "";

    /** The form's token: the rate limits tell browsers apart by it (it is bound to the session-only cookie). */
    @RestForm(Csrf.FIELD)
    String token;

    /** The form's one-time token: the same form sent again makes no second case. */
    @RestForm(FormOnce.FIELD)
    String once;

    /** The fields as typed, line ends and surrounding spaces made plain; an absent field is empty. */
    ReportForm normalized() {
        school = value(school);
        category = value(category);
        affected = value(affected);
        // Single-line answers: a pasted line break or tab becomes a space (a child's report is never refused for it).
        where = value(where).replaceAll("\\p{Cntrl}+", " ");
        when = value(when).replaceAll("\\p{Cntrl}+", " ");
        body = value(body);
        dangerNow = value(dangerNow);
        age = value(age).isEmpty() ? AgeBand.NOT_SURE.id : value(age);
        contact = value(contact).replaceAll("\\p{Cntrl}+", " ");
        website = value(website);
        return this;
    }

    /**
     * A submitted text as typed: kept whole up to twice the longest allowed text, so an over-long field
     * comes back to be shortened, but a flood of megabytes is never echoed into a page.
     */
    static String value(String v) {
        if (v != null && v.length() > 2 * BODY_MAX) {
            v = v.substring(0, 2 * BODY_MAX);
        }
        return v == null ? "" : v.replace("\r\n", "\n").strip();
    }

    public boolean isDanger() {
        return "yes".equals(dangerNow);
    }

    /** The browser's key for the rate limits. */
    String browser() {
        return "b:" + (token == null ? "none" : token);
    }

    /** Adds every rule of the form to {@code e}; texts that are too long are refused with the limit, never cut. */
    FormErrors check(FormErrors e, boolean schoolKnown) {
        return check(e, schoolKnown, false);
    }

    /** The same checks, except the honeypot: for a "danger now" report, which is stored even when it is filled. */
    FormErrors checkIgnoringHoneypot(FormErrors e, boolean schoolKnown) {
        return check(e, schoolKnown, true);
    }

    private FormErrors check(FormErrors e, boolean schoolKnown, boolean ignoreHoneypot) {
        if (!schoolKnown) {
            e.add("school", "report_error_school");
        }
        if (Category.of(category).isEmpty()) {
            e.add("category", "report_error_category");
        }
        if (Affected.of(affected).isEmpty()) {
            e.add("affected", "report_error_affected");
        }
        if (!dangerNow.equals("yes") && !dangerNow.equals("no")) {
            e.add("dangerNow", "report_error_danger");
        }
        if (AgeBand.of(age).isEmpty()) {
            e.add("age", "report_error_age");
        }
        if (body.isBlank()) {
            e.add("body", "report_error_body");
        }
        tooLong(e, "where", where, WHERE_MAX);
        tooLong(e, "when", when, WHEN_MAX);
        tooLong(e, "body", body, BODY_MAX);
        tooLong(e, "contact", contact, CONTACT_MAX);
        if (!website.isEmpty() && !ignoreHoneypot) {
            e.add("website", "report_error_honeypot");
        }
        return e.inOrder(FIELDS);
    }

    private static void tooLong(FormErrors e, String field, String value, int max) {
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            e.add(field, "report_error_too_long", length, max);
        }
    }
}
