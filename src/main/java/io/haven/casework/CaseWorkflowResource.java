package io.haven.casework;

import io.haven.casework.WorkflowResult.Refusal;
import io.haven.report.ReportForm;
import io.haven.web.Csrf;
import io.haven.web.Flash;
import io.haven.web.Language;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
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
    Csrf csrf;

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
    public Response close(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return run(id, form, f -> workflow.close(id, f));
    }

    @POST
    @Path("/{id}/close/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return run(id, form, f -> workflow.confirm(id, f));
    }

    @POST
    @Path("/{id}/close/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return run(id, form, f -> workflow.withdraw(id));
    }

    @POST
    @Path("/{id}/reopen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reopen(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return run(id, form, f -> workflow.reopen(id));
    }

    @POST
    @Path("/{id}/referrals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response refer(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return run(id, form, f -> workflow.refer(id, f));
    }

    @POST
    @Path("/{id}/links")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response link(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return run(id, form, f -> workflow.link(id, f));
    }

    @POST
    @Path("/{id}/links/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unlink(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        return run(id, form, f -> workflow.unlink(id));
    }

    /** Checks the token, makes the change, and answers 303 with a flash or 400 with the page filled in. */
    private Response run(long id, MultivaluedMap<String, String> form, Function<WorkflowForm, WorkflowResult> change) {
        WorkflowForm f = WorkflowForm.of(form);
        if (!csrf.accepts(form.getFirst(Csrf.FIELD))) {
            csrf.renew();
            return invalid(id, f, "form", Messages.in(page.language()).form_csrf_expired());
        }
        WorkflowResult result = change.apply(f);
        if (result.refusal().isPresent()) {
            Refusal why = result.refusal().get();
            String text = why == Refusal.DUTIES_OPEN || why == Refusal.DUTIES_OPEN_CONFIRM
                    ? Messages.get(DutiesMsg.class, page.language())
                            .duty_error_close_open(workflow.openDutyTitles(id, page.language()))
                    : text(why, page.language());
            return invalid(id, f, why.field, text);
        }
        flash.next(result.flashKey());
        return Response.seeOther(CaseFlash.back(id, result.flashKey())).build();
    }

    private Response invalid(long id, WorkflowForm f, String field, String text) {
        TextFormErrors errors = new TextFormErrors().add(field, text);
        return Response.status(400)
                .entity(CaseResource.Templates.show(cases.view(id), errors, "", "", workflow.panel(id, f)))
                .build();
    }

    /** The message for a refusal, in the reader's language. */
    static String text(Refusal why, Language language) {
        CaseworkMsg m = Messages.get(CaseworkMsg.class, language);
        return switch (why) {
            case OUTCOME_MISSING -> m.error_outcome();
            case REASON_MISSING -> m.error_reason();
            case REASON_TOO_LONG, REASON_NONE_TOO_LONG -> m.error_too_long(ReportForm.BODY_MAX);
            case REFERENCE_TOO_LONG -> m.error_too_long(CaseWorkflow.REFERENCE_MAX);
            case DUPLICATE_MISSING -> m.error_duplicate_missing();
            case DUPLICATE_UNKNOWN, LINK_UNKNOWN -> m.error_case_unknown();
            case DUPLICATE_SELF -> m.error_duplicate_self();
            case ALREADY_CLOSED -> m.error_already_closed();
            case REFERRAL_MISSING -> m.error_referral_missing();
            case REQUEST_PENDING -> m.error_request_pending();
            case NO_REQUEST -> m.error_no_request();
            case OWN_REQUEST -> m.error_own_request();
            case NOT_CLOSED -> m.error_not_closed();
            case KIND_MISSING -> m.error_kind();
            case REASON_NONE_MISSING -> m.error_reason_none();
            case LINK_MISSING -> m.error_link_missing();
            case LINK_SELF -> m.error_link_self();
            case LINK_ALREADY -> m.error_link_already();
            case NOT_LINKED -> m.error_not_linked();
            case STATUS_CLOSED_CASE -> m.error_status_closed();
            case STATUS_USE_CLOSE_FORM -> m.error_status_close_form();
            case STATUS_REFERRAL_MISSING -> m.error_status_referral_missing();
            case DUTIES_OPEN, DUTIES_OPEN_CONFIRM ->
                io.haven.web.Messages.get(io.haven.casework.DutiesMsg.class, language)
                        .duty_error_close_open("");
            case CLOSE_MESSAGE_MISSING ->
                io.haven.web.Messages.get(io.haven.staff.WorkspaceMsg.class, language)
                        .close_message_error();
            case CLOSE_MESSAGE_TOO_LONG -> m.error_too_long(ReportForm.BODY_MAX);
        };
    }
}
