package io.haven.casework;

import io.haven.audit.Actor;
import io.haven.report.Category;
import io.haven.report.ReportingMsg;
import io.haven.report.SchoolDeadline;
import io.haven.school.School;
import io.haven.staff.Role;
import io.haven.staff.Staff;
import io.haven.staff.StaffSession;
import io.haven.web.Flash;
import io.haven.web.FormErrors;
import io.haven.web.Forms;
import io.haven.web.HandlesStaleForm;
import io.haven.web.Messages;
import io.haven.web.PageContext;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A school administrator's deadlines page: per category, within how many hours a report must be
 * acknowledged and reviewed; how often an overdue urgent case is escalated again; how many days a
 * closed case's content is kept. Changes are audited.
 */
@Path("/staff/admin/deadlines")
@Produces(MediaType.TEXT_HTML)
public class DeadlinesResource {

    static final int ACK_MIN_HOURS = 1;
    static final int ACK_MAX_HOURS = 168;
    static final int REVIEW_MAX_HOURS = 90 * 24;
    static final int INTERVAL_MIN_HOURS = 1;
    static final int INTERVAL_MAX_HOURS = 72;
    static final int RETENTION_MIN_DAYS = 30;
    static final int RETENTION_MAX_DAYS = 3650;
    private static final Pattern WHOLE = Pattern.compile("\\d{1,7}");

    @Inject
    StaffSession session;

    @Inject
    Forms forms;

    @Inject
    Flash flash;

    @Inject
    PageContext page;

    @Inject
    DeadlineSettings settings;

    /** A category's line of the form: its values as typed (or stored) and its defaults, in hours. */
    public record Row(Category category, String ack, String review) {

        public String getAckField() {
            return "ack_" + category.getKey();
        }

        public String getReviewField() {
            return "review_" + category.getKey();
        }

        public long getDefaultAck() {
            return category.acknowledgeWithin.toHours();
        }

        public long getDefaultReview() {
            return category.reviewWithin.toHours();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance deadlines(
                School school,
                List<School> adminSchools,
                List<Row> rows,
                String interval,
                String retention,
                FormErrors errors);
    }

    @GET
    public TemplateInstance show(@QueryParam("school") Long schoolId) {
        School school = school(schoolId);
        List<Row> rows = Arrays.stream(Category.values())
                .map(c -> {
                    SchoolDeadline.Times t = SchoolDeadline.effective(school.id, c);
                    return new Row(
                            c,
                            String.valueOf(t.acknowledgeWithin().toHours()),
                            String.valueOf(t.reviewWithin().toHours()));
                })
                .toList();
        return Templates.deadlines(
                school,
                adminSchools(),
                rows,
                String.valueOf(school.escalationIntervalMinutes / 60),
                String.valueOf(school.retentionDays),
                forms.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response save(@BeanParam DeadlinesForm f) {
        School school = school(f.schoolId());
        List<Row> rows = f.rows();
        String interval = f.intervalText();
        String retention = f.retentionText();
        FormErrors errors = forms.check(f);
        if (errors.isEmpty()) {
            validate(errors, rows, interval, retention);
        }
        if (errors.isPresent()) {
            return Response.status(400)
                    .entity(Templates.deadlines(school, adminSchools(), rows, interval, retention, errors))
                    .build();
        }
        Staff me = session.requireSignedIn();
        settings.save(school.id, Actor.staff(me.id), rows, Integer.parseInt(interval), Integer.parseInt(retention));
        flash.next("deadline_flash_saved");
        return Response.seeOther(URI.create("/staff/admin/deadlines?school=" + school.id))
                .build();
    }

    /** The page's rules, in the order of its fields; the category's name is part of its sentences. */
    private void validate(FormErrors errors, List<Row> rows, String interval, String retention) {
        ReportingMsg reporting = Messages.get(ReportingMsg.class, page.language());
        for (Row r : rows) {
            String label = CaseRouting.categoryLabel(reporting, r.category());
            OptionalInt ack = whole(r.ack(), ACK_MIN_HOURS, ACK_MAX_HOURS);
            if (ack.isEmpty()) {
                errors.add(r.getAckField(), "deadline_error_ack", label);
            }
            OptionalInt review = whole(r.review(), ack.orElse(ACK_MIN_HOURS), REVIEW_MAX_HOURS);
            if (review.isEmpty()) {
                errors.add(r.getReviewField(), "deadline_error_review", label);
            }
        }
        if (whole(interval, INTERVAL_MIN_HOURS, INTERVAL_MAX_HOURS).isEmpty()) {
            errors.add("interval", "deadline_error_interval");
        }
        if (whole(retention, RETENTION_MIN_DAYS, RETENTION_MAX_DAYS).isEmpty()) {
            errors.add("retention", "deadline_error_retention");
        }
    }

    static OptionalInt whole(String v, int min, int max) {
        if (!WHOLE.matcher(v).matches()) {
            return OptionalInt.empty();
        }
        int n = Integer.parseInt(v);
        return n < min || n > max ? OptionalInt.empty() : OptionalInt.of(n);
    }

    /** The schools this administrator may switch between. */
    private List<School> adminSchools() {
        List<Long> ids = session.schoolsWithRole(Role.ADMIN);
        return ids.isEmpty() ? List.of() : School.<School>list("id in ?1 order by name", ids);
    }

    private School school(Long schoolId) {
        return session.administered(schoolId);
    }
}
