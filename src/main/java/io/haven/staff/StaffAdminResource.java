package io.haven.staff;

import io.haven.school.School;
import io.haven.web.Flash;
import io.haven.web.FormErrors;
import io.haven.web.Forms;
import io.haven.web.HandlesStaleForm;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** A school administrator's staff page: who has which role at the school, and inviting someone new. */
@Path("/staff/admin/staff")
@Produces(MediaType.TEXT_HTML)
public class StaffAdminResource {

    @Inject
    StaffSession session;

    @Inject
    StaffService service;

    @Inject
    Forms forms;

    @Inject
    Flash flash;

    @Inject
    StaffManagement management;

    /**
     * One person on the list: their roles at this school only, whether they have accepted yet, and when
     * they enrolled the second factor (in the school's time zone; null when not enrolled).
     */
    public record Member(Staff staff, List<Role> roles, boolean pending, ZonedDateTime enrolledAt) {

        public boolean has(String role) {
            return roles.stream().anyMatch(r -> r.name().equals(role));
        }
    }

    /** An offer of roles that the account's owner has not answered yet. */
    public record Offered(Staff staff, List<Role> roles) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance staff(
                School school,
                List<Member> members,
                InviteForm form,
                FormErrors errors,
                List<School> adminSchools,
                List<Offered> offers);

        static native TemplateInstance member(
                School school, Member member, boolean self, List<Staff> assignees, long openCases, FormErrors errors);
    }

    @GET
    public TemplateInstance list(@QueryParam("school") Long schoolId) {
        School school = school(schoolId);
        return page(school, new InviteForm(), forms.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response invite(@RestForm("school") String schoolId, @BeanParam InviteForm f) {
        School school = school(parse(schoolId));
        FormErrors errors = forms.check(f.strip());
        if (errors.isPresent()) {
            return Response.status(400).entity(page(school, f, errors)).build();
        }
        StaffService.InviteOutcome outcome =
                service.invite(school.id, session.requireSignedIn().id, f.email, f.displayName, f.roleSet());
        flash.next(outcome == StaffService.InviteOutcome.INVITED ? "staff_admin_invited" : "staff_admin_roles_added");
        return LoginResource.seeOther("/staff/admin/staff?school=" + school.id);
    }

    // --- one colleague: second factor, roles, deactivation ---

    @GET
    @Path("/{id}")
    public TemplateInstance member(@PathParam("id") long id, @QueryParam("school") Long schoolId) {
        School school = school(schoolId);
        return memberPage(school, target(school, id), forms.none());
    }

    @POST
    @Path("/{id}/factor-reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response resetFactor(@PathParam("id") long id, @RestForm("school") String schoolId) {
        return act(
                id,
                schoolId,
                "factor",
                (school, me, t) -> management.resetFactor(school.id, me, t),
                "admin_factor_reset_done");
    }

    @POST
    @Path("/{id}/roles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response roles(@PathParam("id") long id, @RestForm("school") String schoolId, @RestForm List<String> roles) {
        java.util.Set<Role> chosen = InviteForm.schoolRoles(roles);
        return act(
                id,
                schoolId,
                "roles",
                (school, me, t) -> management.setRoles(school.id, me, t, chosen),
                "admin_roles_saved");
    }

    @POST
    @Path("/{id}/deactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response deactivate(
            @PathParam("id") long id, @RestForm("school") String schoolId, @RestForm("reassign") String to) {
        // Someone who is not a colleague (a garbled choice) is refused by the service, unlike nobody (blank).
        Long target = to == null || to.isBlank()
                ? null
                : io.haven.web.FormValues.number(to).orElse(-1L);
        return act(
                id,
                schoolId,
                "reassign",
                (school, me, t) -> management.deactivate(school.id, me, t, target),
                "admin_deactivated");
    }

    @POST
    @Path("/{id}/reactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response reactivate(@PathParam("id") long id, @RestForm("school") String schoolId) {
        return act(
                id,
                schoolId,
                "status",
                (school, me, t) -> management.reactivate(school.id, me, t),
                "admin_reactivated");
    }

    interface Action {
        StaffManagement.Refusal apply(School school, Staff me, Staff target);
    }

    /** Checks access and CSRF, applies the change, and answers 303 with a flash or 400 with the refusal on the page. */
    private Response act(long id, String schoolId, String field, Action action, String flashKey) {
        School school = school(parse(schoolId));
        Staff me = session.requireSignedIn();
        Staff target = target(school, id);
        if (forms.stale()) {
            return Response.status(400)
                    .entity(memberPage(school, target, forms.none().add(field, Forms.STALE_KEY)))
                    .build();
        }
        StaffManagement.Refusal refusal = action.apply(school, me, target);
        if (refusal != null) {
            String key = switch (refusal) {
                case SELF -> "admin_refused_self";
                case LAST_ADMIN -> "admin_refused_last_admin";
                case OTHER_SCHOOLS -> "admin_refused_other_schools";
                case NO_ROLES -> "admin_refused_no_roles";
                case BAD_ASSIGNEE -> "admin_refused_assignee";
            };
            return Response.status(400)
                    .entity(memberPage(school, target, forms.none().add(field, key)))
                    .build();
        }
        flash.next(flashKey);
        return LoginResource.seeOther("/staff/admin/staff/" + target.id + "?school=" + school.id);
    }

    private Staff target(School school, long id) {
        return management.member(school.id, id).orElseThrow(NotFoundException::new);
    }

    private TemplateInstance memberPage(School school, Staff target, FormErrors errors) {
        Staff fresh = Staff.findById(target.id);
        Member m = member(school, fresh);
        Staff me = session.requireSignedIn();
        return Templates.member(
                school,
                m,
                me.id.equals(fresh.id),
                management.assignees(school.id, fresh.id),
                management.openCasesOf(school.id, fresh.id),
                errors);
    }

    private Member member(School school, Staff s) {
        ZoneId zone = ZoneId.of(school.timeZone);
        return new Member(
                s,
                StaffRole.listByStaff(s.id).stream()
                        .filter(r -> school.id.equals(r.schoolId))
                        .map(r -> r.role)
                        .toList(),
                s.passwordHash == null,
                s.enrolled() ? s.totpEnrolledAt.atZone(zone) : null);
    }

    private TemplateInstance page(School school, InviteForm form, FormErrors errors) {
        List<Member> members = Staff.listBySchool(school.id).stream()
                .map(s -> member(school, s))
                .toList();
        List<School> adminSchools = session.schoolsWithRole(Role.ADMIN).stream()
                .map(id -> School.<School>findById(id))
                .toList();
        List<Offered> offers = StaffRoleOffer.listOpenAt(school.id, java.time.Instant.now()).stream()
                .map(o -> new Offered(Staff.findById(o.staffId), o.getRoleList()))
                .toList();
        return Templates.staff(school, members, form, errors, adminSchools, offers);
    }

    /** The school asked for (or the first the member administers); 404 unless they are its ADMIN. */
    private School school(Long schoolId) {
        return session.administered(schoolId);
    }

    private static Long parse(String id) {
        try {
            return id == null ? null : Long.valueOf(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
    }
}
