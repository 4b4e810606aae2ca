package io.haven.ops;

import io.haven.crypto.KeyUsage;
import io.haven.school.School;
import io.haven.staff.Role;
import io.haven.staff.StaffSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The administrators' status page: a school administrator sees the mail to their school's staff and the
 * content of their school's jurisdiction; a district administrator sees everything. Jobs, keys, settings,
 * version and schema are the instance's own and the same for both.
 */
@Path("/staff/admin/status")
@Produces(MediaType.TEXT_HTML)
public class StatusResource {

    @Inject
    StaffSession session;

    @Inject
    StatusService status;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance status(
                School school,
                StatusService.Outbox outbox,
                List<StatusService.Job> jobs,
                List<KeyUsage.Use> keys,
                List<String> unsafe,
                List<StatusService.DueForReview> due,
                String version,
                StatusService.Schema schema);
    }

    @GET
    public TemplateInstance show(@QueryParam("school") Long schoolId) {
        session.requireSignedIn();
        School school = null;
        if (!session.hasRole(Role.DISTRICT_ADMIN) || (schoolId != null && session.hasRole(schoolId, Role.ADMIN))) {
            school = School.findById(session.administeredSchool(schoolId));
        }
        List<Long> schools = school == null ? List.of() : List.of(school.id);
        List<String> jurisdictions = school == null ? List.of() : List.of(school.jurisdiction);
        return Templates.status(
                school,
                status.outbox(schools),
                status.jobs(),
                status.keys(),
                status.unsafeSettings(),
                status.dueForReview(jurisdictions),
                status.version(),
                status.schema());
    }
}
