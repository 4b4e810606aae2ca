package io.haven.casework;

import io.haven.report.CaseStatus;
import io.haven.report.Category;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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
    Forms forms;

    @Inject
    Flash flash;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(
                List<CaseRow> rows, String status, String category, boolean referred, boolean danger, boolean overdue);

        static native TemplateInstance show(
                CaseView view, FormErrors errors, String note, String message, WorkflowPanel wf);

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
        return Templates.show(cases.open(id), forms.none(), "", "", workflow.panel(id, WorkflowForm.empty()));
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
    @HandlesStaleForm
    public Response status(@PathParam("id") long id, @BeanParam CaseStatusForm f) {
        FormErrors errors = forms.check(f);
        if (errors.isPresent()) {
            return invalid(id, errors, "", "");
        }
        Optional<CaseStatus> s = f.chosen();
        if (s.isEmpty()) {
            return invalid(id, errors.add("status", "case_error_status"), "", "");
        }
        Optional<WorkflowResult.Refusal> refused = workflow.changeStatus(id, s.get(), f.seenVersion());
        if (refused.isPresent()) {
            return invalid(id, CaseWorkflowResource.refusal(errors, refused.get()), "", "");
        }
        return done(id, "case_flash_status");
    }

    /** One click from the summary: a new case becomes acknowledged. */
    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response acknowledge(@PathParam("id") long id, @BeanParam CaseChangeForm f) {
        FormErrors errors = forms.check(f);
        if (errors.isPresent()) {
            return invalid(id, errors, "", "");
        }
        Optional<WorkflowResult.Refusal> refused = workflow.changeStatus(id, CaseStatus.ACKNOWLEDGED, f.seenVersion());
        if (refused.isPresent()) {
            return invalid(id, CaseWorkflowResource.refusal(errors, refused.get()), "", "");
        }
        return done(id, "workspace_acknowledged");
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response assign(@PathParam("id") long id, @BeanParam CaseAssignForm f) {
        FormErrors errors = forms.check(f);
        if (errors.isPresent()) {
            return invalid(id, errors, "", "");
        }
        if (!cases.assign(id, f.assigneeId(), f.seenVersion())) {
            return invalid(id, errors.add("assignee", "case_error_assignee"), "", "");
        }
        return done(id, "case_flash_assigned");
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response note(@PathParam("id") long id, @BeanParam CaseNoteForm f) {
        String text = f.text();
        FormErrors errors = forms.check(f);
        if (errors.isPresent()) {
            return invalid(id, errors, text, "");
        }
        cases.addNote(id, text, f.seenVersion());
        return done(id, "case_flash_note");
    }

    @POST
    @Path("/{id}/messages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response message(@PathParam("id") long id, @BeanParam CaseMessageForm f) {
        String text = f.text();
        FormErrors errors = forms.check(f);
        if (errors.isPresent()) {
            return invalid(id, errors, "", text);
        }
        cases.sendMessage(id, text, f.seenVersion());
        return done(id, "case_flash_message");
    }

    @POST
    @Path("/{id}/about")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response about(@PathParam("id") long id, @BeanParam CaseAboutForm f) {
        FormErrors errors = forms.check(f);
        if (errors.isPresent()) {
            return invalid(id, errors, "", "");
        }
        long staffId = f.aboutId();
        if (staffId < 0 || !cases.markAbout(id, staffId)) {
            return invalid(id, errors.add("about", "case_error_assignee"), "", "");
        }
        return done(id, "case_flash_about");
    }

    /** The case page again (400), the form's problem shown, the typed note or message kept; the view is audited. */
    private Response invalid(long id, FormErrors errors, String note, String message) {
        return Response.status(400)
                .entity(Templates.show(cases.view(id), errors, note, message, workflow.panel(id, WorkflowForm.empty())))
                .build();
    }

    private Response done(long id, String flashKey) {
        flash.next(flashKey);
        return Response.seeOther(CaseFlash.back(id, flashKey)).build();
    }
}
