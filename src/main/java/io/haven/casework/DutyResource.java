package io.haven.casework;

import io.haven.web.Flash;
import io.haven.web.FormErrors;
import io.haven.web.Forms;
import io.haven.web.HandlesStaleForm;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * The duty forms of the case page: mark a legal duty done (when, a reference number) or not applicable
 * (with a reason). Answers 303 with a flash; a refused form re-renders the case page (400) filled in.
 */
@Path("/staff/cases/{id}/duties/{duty}")
@Produces(MediaType.TEXT_HTML)
public class DutyResource {

    @Inject
    CaseDuties duties;

    @Inject
    CaseService cases;

    @Inject
    CaseWorkflow workflow;

    @Inject
    Forms forms;

    @Inject
    Flash flash;

    @POST
    @Path("/done")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response done(@PathParam("id") long id, @PathParam("duty") String duty, @BeanParam DutyDoneForm f) {
        String when = f.when();
        String reference = f.referenceText();
        FormErrors errors = forms.check(f);
        if (errors.isPresent()) {
            return render(cases.view(id), duty, when, reference, "", errors);
        }
        Optional<CaseDuties.Refusal> refused = duties.markDone(id, duty, when, reference);
        if (refused.isPresent()) {
            return invalid(id, duty, when, reference, "", refused.get());
        }
        flash.next("duty_flash_done");
        return Response.seeOther(CaseFlash.back(id, "duty_flash_done")).build();
    }

    @POST
    @Path("/not-applicable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response notApplicable(
            @PathParam("id") long id, @PathParam("duty") String duty, @BeanParam DutyNotApplicableForm f) {
        String reason = f.reasonText();
        FormErrors errors = forms.check(f);
        if (errors.isPresent()) {
            return render(cases.view(id), duty, "", "", reason, errors);
        }
        Optional<CaseDuties.Refusal> refused = duties.markNotApplicable(id, duty, reason);
        if (refused.isPresent()) {
            return invalid(id, duty, "", "", reason, refused.get());
        }
        flash.next("duty_flash_not_applicable");
        return Response.seeOther(CaseFlash.back(id, "duty_flash_not_applicable"))
                .build();
    }

    private Response invalid(
            long id, String duty, String when, String reference, String reason, CaseDuties.Refusal why) {
        String prefix = "duty-" + duty;
        CaseView view = cases.view(id);
        FormErrors errors = forms.none();
        return switch (why) {
            case UNKNOWN -> render(view, "", "", "", "", errors.add("duties", "duty_error_unknown"));
            case WHEN_INVALID ->
                render(view, duty, when, reference, reason, errors.add(prefix + "-done-at", "duty_error_when"));
            case REFERENCE_TOO_LONG ->
                render(
                        view,
                        duty,
                        when,
                        reference,
                        reason,
                        errors.add(prefix + "-reference", "duty_error_too_long", CaseDuties.REFERENCE_MAX));
            case REASON_MISSING ->
                render(view, duty, when, reference, reason, errors.add(prefix + "-reason", "duty_error_reason"));
            case REASON_TOO_LONG ->
                render(
                        view,
                        duty,
                        when,
                        reference,
                        reason,
                        errors.add(prefix + "-reason", "duty_error_too_long", CaseDuties.REASON_MAX));
        };
    }

    /** The case page again (400) with the duty form as typed; the view is audited. */
    private Response render(
            CaseView view, String duty, String when, String reference, String reason, FormErrors errors) {
        view.duties().typedDuty = duty;
        view.duties().typedDoneAt = when;
        view.duties().typedReference = reference;
        view.duties().typedReason = reason;
        return Response.status(400)
                .entity(CaseResource.Templates.show(
                        view, errors, "", "", workflow.panel(view.c().id, WorkflowForm.empty())))
                .build();
    }
}
