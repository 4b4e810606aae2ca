package io.haven.report;

import io.haven.web.TextFormErrors;
import jakarta.ws.rs.core.MultivaluedMap;

/** The report form's fields as sent, kept as typed so an error page gives them all back. */
public class ReportForm {

    public static final int WHERE_MAX = 1000;
    public static final int WHEN_MAX = 200;
    public static final int BODY_MAX = 5000;
    public static final int CONTACT_MAX = 300;

    public String school = "";
    public String category = "";
    public String affected = "";
    public String where = "";
    public String when = "";
    public String body = "";
    public String dangerNow = "";
    /** The age band of the person it happened to; "not sure" unless the reporter chooses one. */
    public String age = AgeBand.NOT_SURE.id;

    public String contact = "";
    /** The honeypot: hidden from people, filled in by bots. */
    public String website = "";

    public static ReportForm from(MultivaluedMap<String, String> f) {
        ReportForm r = new ReportForm();
        r.school = value(f, "school");
        r.category = value(f, "category");
        r.affected = value(f, "affected");
        // Single-line answers: a pasted line break or tab becomes a space (a child's report is never refused for it).
        r.where = value(f, "where").replaceAll("\\p{Cntrl}+", " ");
        r.when = value(f, "when").replaceAll("\\p{Cntrl}+", " ");
        r.body = value(f, "body");
        r.dangerNow = value(f, "dangerNow");
        r.age = value(f, "age").isEmpty() ? AgeBand.NOT_SURE.id : value(f, "age");
        r.contact = value(f, "contact").replaceAll("\\p{Cntrl}+", " ");
        r.website = value(f, "website");
        return r;
    }

    private static String value(MultivaluedMap<String, String> f, String name) {
        String v = f.getFirst(name);
        // Kept whole up to twice the longest allowed text, so an over-long field comes back to be shortened,
        // but a flood of megabytes is never echoed into a page.
        if (v != null && v.length() > 2 * BODY_MAX) {
            v = v.substring(0, 2 * BODY_MAX);
        }
        return v == null ? "" : v.replace("\r\n", "\n").strip();
    }

    public boolean isDanger() {
        return "yes".equals(dangerNow);
    }

    /** Checks every field; texts that are too long are refused with the limit, never cut. */
    public TextFormErrors validate(ReportingMsg msg, boolean schoolKnown) {
        return validate(msg, schoolKnown, false);
    }

    /** The same checks, except the honeypot: for a "danger now" report, which is stored even when it is filled. */
    public TextFormErrors validateIgnoringHoneypot(ReportingMsg msg, boolean schoolKnown) {
        return validate(msg, schoolKnown, true);
    }

    private TextFormErrors validate(ReportingMsg msg, boolean schoolKnown, boolean ignoreHoneypot) {
        TextFormErrors e = new TextFormErrors();
        if (!schoolKnown) {
            e.add("school", msg.report_error_school());
        }
        if (Category.of(category).isEmpty()) {
            e.add("category", msg.report_error_category());
        }
        if (Affected.of(affected).isEmpty()) {
            e.add("affected", msg.report_error_affected());
        }
        if (!dangerNow.equals("yes") && !dangerNow.equals("no")) {
            e.add("dangerNow", msg.report_error_danger());
        }
        if (AgeBand.of(age).isEmpty()) {
            e.add("age", msg.report_error_age());
        }
        if (body.isBlank()) {
            e.add("body", msg.report_error_body());
        }
        tooLong(e, msg, "where", where, WHERE_MAX);
        tooLong(e, msg, "when", when, WHEN_MAX);
        tooLong(e, msg, "body", body, BODY_MAX);
        tooLong(e, msg, "contact", contact, CONTACT_MAX);
        if (!website.isEmpty() && !ignoreHoneypot) {
            e.add("website", msg.report_error_honeypot());
        }
        return e;
    }

    private static void tooLong(TextFormErrors e, ReportingMsg msg, String field, String value, int max) {
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            e.add(field, msg.report_error_too_long(length, max));
        }
    }
}
