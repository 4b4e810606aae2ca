package io.haven.report;

import io.haven.web.FormErrors;
import io.haven.web.ReportingMsg;
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
        r.where = value(f, "where");
        r.when = value(f, "when");
        r.body = value(f, "body");
        r.dangerNow = value(f, "dangerNow");
        r.age = value(f, "age").isEmpty() ? AgeBand.NOT_SURE.id : value(f, "age");
        r.contact = value(f, "contact");
        r.website = value(f, "website");
        return r;
    }

    private static String value(MultivaluedMap<String, String> f, String name) {
        String v = f.getFirst(name);
        return v == null ? "" : v.replace("\r\n", "\n").strip();
    }

    public boolean isDanger() {
        return "yes".equals(dangerNow);
    }

    /** Checks every field; texts that are too long are refused with the limit, never cut. */
    public FormErrors validate(ReportingMsg msg, boolean schoolKnown) {
        FormErrors e = new FormErrors();
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
        if (!website.isEmpty()) {
            e.add("website", msg.report_error_honeypot());
        }
        return e;
    }

    private static void tooLong(FormErrors e, ReportingMsg msg, String field, String value, int max) {
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            e.add(field, msg.report_error_too_long(length, max));
        }
    }
}
