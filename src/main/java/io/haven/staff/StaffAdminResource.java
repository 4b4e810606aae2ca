package io.haven.staff;

import io.haven.school.School;
import io.haven.web.Csrf;
import io.haven.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** A school administrator's staff page: who has which role at the school, and inviting someone new. */
@Path("/staff/admin/staff")
@Produces(MediaType.TEXT_HTML)
public class StaffAdminResource {

    @Inject
    StaffSession session;

    @Inject
    StaffService service;

    @Inject
    Csrf csrf;

    @Inject
    Flash flash;

    @Inject
    Validator validator;

    /** One person on the list: their roles at this school only, and whether they have accepted yet. */
    public record Member(Staff staff, List<Role> roles, boolean pending) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance staff(School school, List<Member> members, InviteForm form,
                Map<String, String> errors, List<School> adminSchools);
    }

    @GET
    public TemplateInstance list(@QueryParam("school") Long schoolId) {
        School school = school(schoolId);
        return page(school, new InviteForm(), Map.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(MultivaluedMap<String, String> form) {
        School school = school(parse(form.getFirst("school")));
        InviteForm f = InviteForm.of(form);
        if (!csrf.accepts(form.getFirst(Csrf.FIELD))) {
            csrf.renew();
            return Response.status(400).entity(page(school, f, PasswordResource.one(FormErrors.CSRF, "form_csrf_expired")))
                    .build();
        }
        Map<String, String> errors = FormErrors.of(f, validator.validate(f));
        if (!errors.isEmpty()) {
            return Response.status(400).entity(page(school, f, errors)).build();
        }
        StaffService.InviteOutcome outcome = service.invite(school.id, f.email, f.displayName, f.roles);
        flash.next(outcome == StaffService.InviteOutcome.INVITED ? "staff_admin_invited" : "staff_admin_roles_added");
        return LoginResource.seeOther("/staff/admin/staff?school=" + school.id);
    }

    private TemplateInstance page(School school, InviteForm form, Map<String, String> errors) {
        List<Member> members = Staff.listBySchool(school.id).stream()
                .map(s -> new Member(s, StaffRole.listByStaff(s.id).stream()
                        .filter(r -> school.id.equals(r.schoolId)).map(r -> r.role).toList(), s.passwordHash == null))
                .toList();
        List<School> adminSchools = session.schoolsWithRole(Role.ADMIN).stream().map(id -> School.<School>findById(id))
                .toList();
        return Templates.staff(school, members, form, errors, adminSchools);
    }

    /** The school asked for (or the first the member administers); 404 unless they are its ADMIN. */
    private School school(Long schoolId) {
        session.requireSignedIn();
        Long id = schoolId != null ? schoolId
                : session.schoolsWithRole(Role.ADMIN).stream().findFirst().orElseThrow(NotFoundException::new);
        session.requireRole(id, Role.ADMIN);
        School s = School.findById(id);
        if (s == null) {
            throw new NotFoundException();
        }
        return s;
    }

    private static Long parse(String id) {
        try {
            return id == null ? null : Long.valueOf(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
    }
}
