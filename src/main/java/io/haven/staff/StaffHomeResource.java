package io.haven.staff;

import io.haven.school.School;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/** The staff home page: what this account can do, school by school. */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
public class StaffHomeResource {

    @Inject
    StaffSession session;

    @Inject
    StaffService service;

    /** Casework's overdue legal duties (casework depends on staff, so it comes in through an interface). */
    @Inject
    Instance<OverdueDuties> overdueDuties;

    /** One school's links for this account, and the overdue legal duties of cases it may open. */
    public record SchoolAccess(School school, boolean cases, boolean classes, boolean admin,
            List<OverdueDuties.Line> overdueDuties) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Staff me, List<SchoolAccess> schools, boolean district, boolean enrolled,
                long recoveryCodesLeft);
    }

    @GET
    public TemplateInstance home() {
        Staff me = session.requireSignedIn();
        List<SchoolAccess> schools = new ArrayList<>();
        for (Long id : session.schoolsWithRole(Role.TEACHER, Role.HANDLER, Role.ADMIN)) {
            School s = School.findById(id);
            if (s != null) {
                boolean cases = session.hasRole(id, Role.HANDLER, Role.ADMIN);
                List<OverdueDuties.Line> overdue = cases && overdueDuties.isResolvable()
                        ? overdueDuties.get().forSchool(id) : List.of();
                schools.add(new SchoolAccess(s, cases, session.hasRole(id, Role.TEACHER), session.hasRole(id, Role.ADMIN),
                        overdue));
            }
        }
        return Templates.home(me, schools, session.hasRole(Role.DISTRICT_ADMIN), me.enrolled(),
                me.enrolled() ? service.unusedRecoveryCodes(me.id) : 0);
    }
}
