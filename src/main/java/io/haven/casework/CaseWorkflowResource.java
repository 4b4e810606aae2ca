package io.haven.casework;

import io.haven.casework.WorkflowResult.Refusal;
import io.haven.report.ReportForm;
import io.haven.web.Flash;
import io.haven.web.FormErrors;
import io.haven.web.Forms;
import io.haven.web.HandlesStaleForm;
import io.haven.web.PageContext;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Function;

/**
 * The workflow forms of a case page (closing, second confirmation, reopening, referral decisions,
 * linking) and the incident page. A refused form re-renders the case page (400) filled in.
 */
@Path("/staff/cases")
@Produces(MediaType.TEXT_HTML)
public class CaseWorkflowResource {

    @Inject
    CaseService cases;

    @Inject
    CaseWorkflow workflow;

    @Inject
    Forms forms;

    @Inject
    Flash flash;

    @Inject
    PageContext page;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance incident(Long incidentId, List<WorkflowPanel.Linked> rows);
    }

    /** The reports linked as one incident: numbers, categories, statuses, never content. */
    @GET
    @Path("/incidents/{incident}")
    public TemplateInstance incident(@PathParam("incident") long incident) {
        return Templates.incident(incident, workflow.incident(incident));
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response close(@PathParam("id") long id, @BeanParam WorkflowForm form) {
        return run(id, form, f -> workflow.close(id, f));
    }

    @POST
    @Path("/{id}/close/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response confirm(@PathParam("id") long id, @BeanParam WorkflowForm form) {
        return run(id, form, f -> workflow.confirm(id, f));
    }

    @POST
    @Path("/{id}/close/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response withdraw(@PathParam("id") long id, @BeanParam WorkflowForm form) {
        return run(id, form, f -> workflow.withdraw(id));
    }

    @POST
    @Path("/{id}/reopen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response reopen(@PathParam("id") long id, @BeanParam WorkflowForm form) {
        return run(id, form, f -> workflow.reopen(id));
    }

    @POST
    @Path("/{id}/referrals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response refer(@PathParam("id") long id, @BeanParam WorkflowForm form) {
        return run(id, form, f -> workflow.refer(id, f));
    }

    @POST
    @Path("/{id}/links")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response link(@PathParam("id") long id, @BeanParam WorkflowForm form) {
        return run(id, form, f -> workflow.link(id, f));
    }

    @POST
    @Path("/{id}/links/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response unlink(@PathParam("id") long id, @BeanParam WorkflowForm form) {
        return run(id, form, f -> workflow.unlink(id));
    }

    /** Checks the form, makes the change, and answers 303 with a flash or 400 with the page filled in. */
    private Response run(long id, WorkflowForm form, Function<WorkflowForm, WorkflowResult> change) {
        WorkflowForm f = form.normalised();
        FormErrors errors = forms.check(form);
        if (errors.isPresent()) {
            return invalid(id, f, errors);
        }
        WorkflowResult result = change.apply(f);
        if (result.refusal().isPresent()) {
            Refusal why = result.refusal().get();
            String openDuties = why == Refusal.DUTIES_OPEN || why == Refusal.DUTIES_OPEN_CONFIRM
                    ? workflow.openDutyTitles(id, page.language())
                    : "";
            return invalid(id, f, refusal(errors, why, openDuties));
        }
        flash.next(result.flashKey());
        return Response.seeOther(CaseFlash.back(id, result.flashKey())).build();
    }

    private Response invalid(long id, WorkflowForm f, FormErrors errors) {
        return Response.status(400)
                .entity(CaseResource.Templates.show(cases.view(id), errors, "", "", workflow.panel(id, f)))
                .build();
    }

    /** A refusal as the problem of its field (the open duties named only where the closing form says so). */
    static FormErrors refusal(FormErrors errors, Refusal why) {
        return refusal(errors, why, "");
    }

    static FormErrors refusal(FormErrors errors, Refusal why, String openDuties) {
        return switch (why) {
            case OUTCOME_MISSING -> errors.add(why.field, "error_outcome");
            case REASON_MISSING -> errors.add(why.field, "error_reason");
            case REASON_TOO_LONG, REASON_NONE_TOO_LONG, CLOSE_MESSAGE_TOO_LONG ->
                errors.add(why.field, "error_too_long", ReportForm.BODY_MAX);
            case REFERENCE_TOO_LONG -> errors.add(why.field, "error_too_long", CaseWorkflow.REFERENCE_MAX);
            case DUPLICATE_MISSING -> errors.add(why.field, "error_duplicate_missing");
            case DUPLICATE_UNKNOWN, LINK_UNKNOWN -> errors.add(why.field, "error_case_unknown");
            case DUPLICATE_SELF -> errors.add(why.field, "error_duplicate_self");
            case ALREADY_CLOSED -> errors.add(why.field, "error_already_closed");
            case REFERRAL_MISSING -> errors.add(why.field, "error_referral_missing");
            case REQUEST_PENDING -> errors.add(why.field, "error_request_pending");
            case NO_REQUEST -> errors.add(why.field, "error_no_request");
            case OWN_REQUEST -> errors.add(why.field, "error_own_request");
            case NOT_CLOSED -> errors.add(why.field, "error_not_closed");
            case KIND_MISSING -> errors.add(why.field, "error_kind");
            case REASON_NONE_MISSING -> errors.add(why.field, "error_reason_none");
            case LINK_MISSING -> errors.add(why.field, "error_link_missing");
            case LINK_SELF -> errors.add(why.field, "error_link_self");
            case LINK_ALREADY -> errors.add(why.field, "error_link_already");
            case NOT_LINKED -> errors.add(why.field, "error_not_linked");
            case STATUS_CLOSED_CASE -> errors.add(why.field, "error_status_closed");
            case STATUS_USE_CLOSE_FORM -> errors.add(why.field, "error_status_close_form");
            case STATUS_REFERRAL_MISSING -> errors.add(why.field, "error_status_referral_missing");
            case DUTIES_OPEN, DUTIES_OPEN_CONFIRM -> errors.add(why.field, "duty_error_close_open", openDuties);
            case CLOSE_MESSAGE_MISSING -> errors.add(why.field, "close_message_error");
        };
    }
}
