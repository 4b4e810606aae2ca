package io.haven.casework;

import io.haven.report.CaseStatus;
import io.haven.report.Category;
import io.haven.report.ReportForm;
import io.haven.report.ReportingMsg;
import io.haven.web.Csrf;
import io.haven.web.Flash;
import io.haven.web.Messages;
import io.haven.web.PageContext;
import io.haven.web.TextFormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/** The handler's case list and case page. Changes answer 303 with a flash; errors re-render filled in. */
@Path("/staff/cases")
@Produces(MediaType.TEXT_HTML)
public class CaseResource {

    @Inject
    CaseService cases;

    @Inject
    CaseWorkflow workflow;

    @Inject
    Csrf csrf;

    @Inject
    Flash flash;

    @Inject
    PageContext page;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(
                List<CaseRow> rows, String status, String category, boolean referred, boolean danger, boolean overdue);

        static native TemplateInstance show(
                CaseView view, TextFormErrors errors, String note, String message, WorkflowPanel wf);

        static native TemplateInstance export(CaseView view, WorkflowPanel wf);
    }

    @GET
    public TemplateInstance list(
            @QueryParam("status") String status,
            @QueryParam("category") String category,
            @QueryParam("referred") String referred,
            @QueryParam("danger") String danger,
            @QueryParam("overdue") String overdue) {
        Optional<CaseStatus> s = CaseStatus.ofKey(status);
        Optional<Category> c = Category.of(category);
        boolean r = "yes".equals(referred);
        boolean d = "yes".equals(danger);
        boolean o = "yes".equals(overdue);
        return Templates.list(
                cases.list(s, c, r, d, o),
                s.map(CaseStatus::getKey).orElse(""),
                c.map(Category::getId).orElse(""),
                r,
                d,
                o);
    }

    @GET
    @Path("/{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        return Templates.show(cases.open(id), new TextFormErrors(), "", "", workflow.panel(id, WorkflowForm.empty()));
    }

    /** A print-ready record of one case for a referral to police or child protection. */
    @GET
    @Path("/{id}/export")
    public TemplateInstance export(@PathParam("id") long id) {
        return Templates.export(cases.export(id), workflow.panel(id, WorkflowForm.empty()));
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        if (!csrf.accepts(form.getFirst(Csrf.FIELD))) {
            return expired(id, "", "");
        }
        Optional<CaseStatus> s = CaseStatus.ofKey(form.getFirst("status"));
        if (s.isEmpty()) {
            return invalid(
                    id,
                    "status",
                    Messages.get(ReportingMsg.class, page.language()).case_error_status(),
                    "",
                    "");
        }
        Optional<WorkflowResult.Refusal> refused = workflow.changeStatus(id, s.get(), version(form));
        if (refused.isPresent()) {
            return invalid(id, refused.get().field, CaseWorkflowResource.text(refused.get(), page.language()), "", "");
        }
        return done(id, "case_flash_status");
    }

    /** One click from the summary: a new case becomes acknowledged. */
    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acknowledge(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        if (!csrf.accepts(form.getFirst(Csrf.FIELD))) {
            return expired(id, "", "");
        }
        Optional<WorkflowResult.Refusal> refused = workflow.changeStatus(id, CaseStatus.ACKNOWLEDGED, version(form));
        if (refused.isPresent()) {
            return invalid(id, refused.get().field, CaseWorkflowResource.text(refused.get(), page.language()), "", "");
        }
        return done(id, "workspace_acknowledged");
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        if (!csrf.accepts(form.getFirst(Csrf.FIELD))) {
            return expired(id, "", "");
        }
        if (!cases.assign(id, staffId(form, "assignee"), version(form))) {
            return invalid(
                    id,
                    "assignee",
                    Messages.get(ReportingMsg.class, page.language()).case_error_assignee(),
                    "",
                    "");
        }
        return done(id, "case_flash_assigned");
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response note(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return writeText(id, form, "note", (i, t) -> cases.addNote(i, t, version(form)), "case_flash_note");
    }

    @POST
    @Path("/{id}/messages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response message(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return writeText(id, form, "message", (i, t) -> cases.sendMessage(i, t, version(form)), "case_flash_message");
    }

    /** A note or a message: checked, kept on the page when refused, saved otherwise. */
    private Response writeText(
            long id,
            MultivaluedMap<String, String> form,
            String field,
            java.util.function.BiConsumer<Long, String> save,
            String flashKey) {
        String text = text(form, field);
        String note = field.equals("note") ? text : "";
        String message = field.equals("message") ? text : "";
        if (!csrf.accepts(form.getFirst(Csrf.FIELD))) {
            return expired(id, note, message);
        }
        Optional<String> problem = check(text);
        if (problem.isPresent()) {
            return invalid(id, field, problem.get(), note, message);
        }
        save.accept(id, text);
        return done(id, flashKey);
    }

    @POST
    @Path("/{id}/about")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response about(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        if (!csrf.accepts(form.getFirst(Csrf.FIELD))) {
            return expired(id, "", "");
        }
        long staffId = staffId(form, "about");
        if (staffId < 0 || !cases.markAbout(id, staffId)) {
            return invalid(
                    id,
                    "about",
                    Messages.get(ReportingMsg.class, page.language()).case_error_assignee(),
                    "",
                    "");
        }
        return done(id, "case_flash_about");
    }

    private Optional<String> check(String text) {
        ReportingMsg msg = Messages.get(ReportingMsg.class, page.language());
        int length = text.codePointCount(0, text.length());
        if (text.isEmpty()) {
            return Optional.of(msg.report_error_message());
        }
        if (length > ReportForm.BODY_MAX) {
            return Optional.of(msg.report_error_too_long(length, ReportForm.BODY_MAX));
        }
        return Optional.empty();
    }

    private Response expired(long id, String note, String message) {
        csrf.renew();
        return invalid(id, "form", Messages.in(page.language()).form_csrf_expired(), note, message);
    }

    private Response invalid(long id, String field, String text, String note, String message) {
        TextFormErrors errors = new TextFormErrors().add(field, text);
        return Response.status(400)
                .entity(Templates.show(cases.view(id), errors, note, message, workflow.panel(id, WorkflowForm.empty())))
                .build();
    }

    private Response done(long id, String flashKey) {
        flash.next(flashKey);
        return Response.seeOther(CaseFlash.back(id, flashKey)).build();
    }

    private static long staffId(MultivaluedMap<String, String> form, String field) {
        try {
            return Long.parseLong(Optional.ofNullable(form.getFirst(field)).orElse(""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The version of the case the form was shown with (a hidden field); null when absent or garbled. */
    private static Long version(MultivaluedMap<String, String> form) {
        try {
            return Long.valueOf(Optional.ofNullable(form.getFirst("version")).orElse(""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(MultivaluedMap<String, String> form, String name) {
        return Optional.ofNullable(form.getFirst(name))
                .orElse("")
                .replace("\r\n", "\n")
                .strip();
    }
}
