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

/** The legal hold form of the case page: place a hold (with a reason) or lift it. */
@Path("/staff/cases/{id}/hold")
@Produces(MediaType.TEXT_HTML)
public class LegalHoldResource {

    static final String FIELD = "hold_reason";
    static final String LIFT = "hold_lift";

    @Inject
    LegalHold holds;

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
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response place(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        String reason = Optional.ofNullable(form.getFirst(FIELD))
                .orElse("")
                .replace("\r\n", "\n")
                .strip();
        DeadlineMsg msg = Messages.get(DeadlineMsg.class, page.language());
        if (!csrf.accepts(form.getFirst(Csrf.FIELD))) {
            csrf.renew();
            return invalid(id, FIELD, Messages.in(page.language()).form_csrf_expired(), reason);
        }
        int length = reason.codePointCount(0, reason.length());
        if (reason.isEmpty()) {
            return invalid(id, FIELD, msg.deadline_hold_error_required(), reason);
        }
        if (length > LegalHold.REASON_MAX) {
            return invalid(id, FIELD, msg.deadline_hold_error_too_long(length, LegalHold.REASON_MAX), reason);
        }
        holds.place(id, reason);
        return done(id, "deadline_flash_hold");
    }

    @POST
    @Path("/lift")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response lift(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        if (!csrf.accepts(form.getFirst(Csrf.FIELD))) {
            csrf.renew();
            return invalid(id, LIFT, Messages.in(page.language()).form_csrf_expired(), "");
        }
        if (!holds.lift(id)) {
            return invalid(
                    id, LIFT, Messages.get(DeadlineMsg.class, page.language()).deadline_hold_error_lift_refused(), "");
        }
        return done(id, "deadline_flash_hold_lifted");
    }

    private Response invalid(long id, String field, String text, String typed) {
        CaseView view = cases.view(id);
        view.deadlines().typedHoldReason = typed;
        TextFormErrors errors = new TextFormErrors().add(field, text);
        return Response.status(400)
                .entity(CaseResource.Templates.show(view, errors, "", "", workflow.panel(id, WorkflowForm.empty())))
                .build();
    }

    private Response done(long id, String flashKey) {
        flash.next(flashKey);
        return Response.seeOther(CaseFlash.back(id, flashKey)).build();
    }
}
