package io.haven.admin;

import io.haven.audit.Actor;
import io.haven.notify.MailOutbox;
import io.haven.notify.OutboxMail;
import io.haven.report.Category;
import io.haven.school.RoutingRule;
import io.haven.school.School;
import io.haven.staff.Role;
import io.haven.staff.Staff;
import io.haven.staff.StaffRole;
import io.haven.staff.StaffSession;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A school administrator's routing page: which staff member gets which category of report, the
 * categories nobody would receive, and mail that could not be delivered to the school's staff.
 */
@Path("/staff/admin/routing")
@Produces(MediaType.TEXT_HTML)
public class RoutingResource {

    @Inject
    StaffSession session;

    @Inject
    Forms forms;

    @Inject
    Flash flash;

    @Inject
    MailOutbox outbox;

    @Inject
    SchoolAdminService service;

    /** A rule as shown: its category (null for the default) and who it names. */
    public record Rule(RoutingRule rule, Category category, Staff staff) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance routing(
                School school,
                List<Rule> rules,
                List<Staff> handlers,
                List<Category> unrouted,
                List<OutboxMail> failedMail,
                FormErrors errors);
    }

    @GET
    public TemplateInstance show(@QueryParam("school") Long schoolId) {
        return page(school(schoolId), forms.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response add(@BeanParam RoutingRuleForm f) {
        School school = school(f.schoolId());
        FormErrors errors = forms.check(f);
        if (errors.isPresent()) {
            return Response.status(400).entity(page(school, errors)).build();
        }
        Optional<Category> category = f.chosenCategory();
        Long staffId = f.staffId();
        if (!f.categoryId().equals("default") && category.isEmpty()) {
            errors.add("category", "routing_error_category");
        }
        if (staffId == null || handlers(school.id).stream().noneMatch(s -> s.id.equals(staffId))) {
            errors.add("staff", "routing_error_staff");
        }
        if (errors.isPresent()) {
            return Response.status(400).entity(page(school, errors)).build();
        }
        service.addRoute(school.id, category.map(Category::getId).orElse(null), staffId);
        flash.next("routing_flash_added");
        return Response.seeOther(URI.create("/staff/admin/routing?school=" + school.id))
                .build();
    }

    @POST
    @Path("/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response delete(@BeanParam RoutingDeleteForm f) {
        School school = school(f.schoolId());
        if (forms.stale()) {
            flash.next(Forms.STALE_KEY);
        } else {
            service.deleteRoute(school.id, f.ruleId());
            flash.next("routing_flash_deleted");
        }
        return Response.seeOther(URI.create("/staff/admin/routing?school=" + school.id))
                .build();
    }

    /** Sends one of this school's undelivered mails again now; audited. Another school's mail is 404. */
    @POST
    @Path("/resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response resend(@BeanParam RoutingResendForm f) {
        School school = school(f.schoolId());
        Staff me = session.requireSignedIn();
        if (forms.stale()) {
            flash.next(Forms.STALE_KEY);
            return Response.seeOther(URI.create("/staff/admin/routing?school=" + school.id))
                    .build();
        }
        SchoolAdminService.Resend done = service.resend(school.id, Actor.staff(me.id), f.mailId());
        if (done == SchoolAdminService.Resend.NOT_THIS_SCHOOL) {
            throw new NotFoundException();
        }
        flash.next(done == SchoolAdminService.Resend.QUEUED ? "outbox_flash_resent" : "outbox_flash_gone");
        return Response.seeOther(URI.create("/staff/admin/routing?school=" + school.id))
                .build();
    }

    private TemplateInstance page(School school, FormErrors errors) {
        List<RoutingRule> rules = RoutingRule.listBySchool(school.id);
        List<Staff> handlers = handlers(school.id);
        Map<Long, Staff> byId = Staff.<Staff>list(
                        "id in ?1",
                        rules.isEmpty()
                                ? List.of(-1L)
                                : rules.stream().map(r -> r.staffId).toList())
                .stream()
                .collect(Collectors.toMap(s -> s.id, Function.identity()));
        List<Rule> shown = rules.stream()
                .map(r -> new Rule(r, Category.of(r.category).orElse(null), byId.get(r.staffId)))
                .toList();
        List<OutboxMail> failed = OutboxMail.listUndelivered(SchoolAdminService.schoolEmails(school.id));
        return Templates.routing(school, shown, handlers, unrouted(school.id), failed, errors);
    }

    /** Categories a new report of would reach nobody. */
    static List<Category> unrouted(long schoolId) {
        boolean anyHandler = StaffRole.count("schoolId = ?1 and role = ?2", schoolId, Role.HANDLER) > 0;
        boolean anyAdmin = StaffRole.count("schoolId = ?1 and role = ?2", schoolId, Role.ADMIN) > 0;
        boolean fallback = !RoutingRule.staffFor(schoolId, null).isEmpty() || anyHandler;
        return Arrays.stream(Category.values())
                .filter(c -> c == Category.ADULT_CONCERN
                        ? !anyAdmin
                        : RoutingRule.staffFor(schoolId, c.id).isEmpty() && !fallback)
                .toList();
    }

    private static List<Staff> handlers(long schoolId) {
        List<Long> ids =
                StaffRole.<StaffRole>list("schoolId = ?1 and role in ?2", schoolId, List.of(Role.HANDLER, Role.ADMIN))
                        .stream()
                        .map(r -> r.staffId)
                        .distinct()
                        .toList();
        return ids.isEmpty() ? List.of() : Staff.<Staff>list("id in ?1 and active = true order by displayName", ids);
    }

    private School school(Long schoolId) {
        return session.administered(schoolId);
    }
}
