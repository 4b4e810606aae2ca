package io.haven.casework;

import io.haven.web.Csrf;
import io.haven.web.Flash;
import io.haven.web.Messages;
import io.haven.web.PageContext;
import io.haven.web.TextFormErrors;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
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
    Csrf csrf;

    @Inject
    Flash flash;

    @Inject
    PageContext page;

    @POST
    @Path("/done")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response done(
            @PathParam("id") long id, @PathParam("duty") String duty, MultivaluedMap<String, String> form) {
        String when = text(form, "doneAt");
        String reference = text(form, "reference");
        if (!csrf.accepts(form.getFirst(Csrf.FIELD))) {
            return expired(id, duty, when, reference, "", "-done-at");
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
    public Response notApplicable(
            @PathParam("id") long id, @PathParam("duty") String duty, MultivaluedMap<String, String> form) {
        String reason = text(form, "reason");
        if (!csrf.accepts(form.getFirst(Csrf.FIELD))) {
            return expired(id, duty, "", "", reason, "-reason");
        }
        Optional<CaseDuties.Refusal> refused = duties.markNotApplicable(id, duty, reason);
        if (refused.isPresent()) {
            return invalid(id, duty, "", "", reason, refused.get());
        }
        flash.next("duty_flash_not_applicable");
        return Response.seeOther(CaseFlash.back(id, "duty_flash_not_applicable"))
                .build();
    }

    private Response expired(long id, String duty, String when, String reference, String reason, String fieldSuffix) {
        csrf.renew();
        CaseView view = cases.view(id);
        boolean listed =
                view.duties().lines.stream().anyMatch(l -> l.duty().id().equals(duty));
        String field = listed ? "duty-" + duty + fieldSuffix : "duties";
        return render(
                view,
                duty,
                when,
                reference,
                reason,
                field,
                Messages.in(page.language()).form_csrf_expired());
    }

    private Response invalid(
            long id, String duty, String when, String reference, String reason, CaseDuties.Refusal why) {
        DutiesMsg m = Messages.get(DutiesMsg.class, page.language());
        String prefix = "duty-" + duty;
        CaseView view = cases.view(id);
        return switch (why) {
            case UNKNOWN -> render(view, "", "", "", "", "duties", m.duty_error_unknown());
            case WHEN_INVALID -> render(view, duty, when, reference, reason, prefix + "-done-at", m.duty_error_when());
            case REFERENCE_TOO_LONG ->
                render(
                        view,
                        duty,
                        when,
                        reference,
                        reason,
                        prefix + "-reference",
                        m.duty_error_too_long(CaseDuties.REFERENCE_MAX));
            case REASON_MISSING ->
                render(view, duty, when, reference, reason, prefix + "-reason", m.duty_error_reason());
            case REASON_TOO_LONG ->
                render(
                        view,
                        duty,
                        when,
                        reference,
                        reason,
                        prefix + "-reason",
                        m.duty_error_too_long(CaseDuties.REASON_MAX));
        };
    }

    private Response render(
            CaseView view, String duty, String when, String reference, String reason, String field, String text) {
        view.duties().typedDuty = duty;
        view.duties().typedDoneAt = when;
        view.duties().typedReference = reference;
        view.duties().typedReason = reason;
        TextFormErrors errors = new TextFormErrors().add(field, text);
        return Response.status(400)
                .entity(CaseResource.Templates.show(
                        view, errors, "", "", workflow.panel(view.c().id, WorkflowForm.empty())))
                .build();
    }

    private static String text(MultivaluedMap<String, String> form, String name) {
        return Optional.ofNullable(form.getFirst(name))
                .orElse("")
                .replace("\r\n", "\n")
                .strip();
    }
}
