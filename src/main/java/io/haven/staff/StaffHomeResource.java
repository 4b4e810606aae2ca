package io.haven.staff;

import io.haven.school.School;
import io.haven.web.Flash;
import io.haven.web.Forms;
import io.haven.web.HandlesStaleForm;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** The staff home page: what this account can do, school by school. */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
public class StaffHomeResource {

    @Inject
    StaffSession session;

    @Inject
    StaffService service;

    @Inject
    Forms forms;

    @Inject
    io.haven.web.PageContext pageContext;

    @Inject
    Flash flash;

    /** Casework's overdue legal duties (casework depends on staff, so it comes in through an interface). */
    @Inject
    Instance<OverdueDuties> overdueDuties;

    /** Casework's counts, assigned cases and deadlines (through an interface, as above). */
    @Inject
    Instance<CaseDashboard> dashboard;

    @Inject
    io.haven.web.HavenConfig haven;

    /** The default of {@code haven.base-url}: mail links built from it point at the reader's own machine. */
    static final String DEFAULT_BASE_URL = "http://localhost:8080";

    /** The dashboard part of the home page, for a member who handles cases (else empty lists and no counts). */
    public record Dashboard(
            boolean shown,
            CaseDashboard.Counts counts,
            List<CaseDashboard.Line> mine,
            List<CaseDashboard.Line> deadlines) {}

    /** One school's links for this account, and the overdue legal duties of cases it may open. */
    public record SchoolAccess(
            School school, boolean cases, boolean classes, boolean admin, List<OverdueDuties.Line> overdueDuties) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(
                Staff me,
                List<SchoolAccess> schools,
                boolean district,
                boolean enrolled,
                long recoveryCodesLeft,
                List<Offer> offers,
                Dashboard dashboard,
                String defaultBaseUrl);
    }

    /** Roles a school offers to this account, waiting for its owner's answer. */
    public record Offer(long id, School school, String rolesText) {}

    @GET
    public TemplateInstance home() {
        Staff me = session.requireSignedIn();
        List<SchoolAccess> schools = new ArrayList<>();
        for (Long id : session.schoolsWithRole(Role.TEACHER, Role.HANDLER, Role.ADMIN)) {
            School s = School.findById(id);
            if (s != null) {
                boolean cases = session.hasRole(id, Role.HANDLER, Role.ADMIN);
                List<OverdueDuties.Line> overdue = cases && overdueDuties.isResolvable()
                        ? overdueDuties.get().forSchool(id)
                        : List.of();
                schools.add(new SchoolAccess(
                        s, cases, session.hasRole(id, Role.TEACHER), session.hasRole(id, Role.ADMIN), overdue));
            }
        }
        List<Offer> offers = service.openOffers(me.id).stream()
                .map(o -> new Offer(o.id, School.findById(o.schoolId), roleNames(o.roleSet())))
                .toList();
        boolean handles = session.hasRole(Role.HANDLER, Role.ADMIN) && dashboard.isResolvable();
        Dashboard dash = handles
                ? new Dashboard(
                        true,
                        dashboard.get().counts(),
                        dashboard.get().mine(),
                        dashboard.get().nextDeadlines(5))
                : new Dashboard(false, new CaseDashboard.Counts(0, 0, 0), List.of(), List.of());
        boolean admin = session.hasRole(Role.ADMIN, Role.DISTRICT_ADMIN);
        String defaultBase =
                admin && haven.baseUrl().strip().replaceAll("/+$", "").equals(DEFAULT_BASE_URL)
                        ? DEFAULT_BASE_URL
                        : null;
        return Templates.home(
                me,
                schools,
                session.hasRole(Role.DISTRICT_ADMIN),
                me.enrolled(),
                me.enrolled() ? service.unusedRecoveryCodes(me.id) : 0,
                offers,
                dash,
                defaultBase);
    }

    private String roleNames(java.util.Set<Role> roles) {
        return StaffNotices.roleNames(io.haven.web.Messages.get(StaffMsg.class, pageContext.language()), roles);
    }

    /** The signed-in owner accepts or declines roles offered to their own account. */
    @POST
    @Path("/offers/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response answer(@PathParam("id") long id, @RestForm String answer) {
        Staff me = session.requireSignedIn();
        if (forms.stale()) {
            flash.next("form_csrf_expired");
            return LoginResource.seeOther("/staff");
        }
        boolean accept = "accept".equals(answer);
        if (!service.answerOffer(me.id, id, accept)) {
            throw new NotFoundException();
        }
        flash.next(accept ? "admin_offers_accepted" : "admin_offers_declined");
        return LoginResource.seeOther("/staff");
    }
}
