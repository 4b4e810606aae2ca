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
    Forms forms;

    @Inject
    Flash flash;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response place(@PathParam("id") long id, @BeanParam LegalHoldForm f) {
        String reason = f.reasonText();
        FormErrors errors = forms.check(f);
        if (errors.isPresent()) {
            return invalid(id, errors, reason);
        }
        int length = reason.codePointCount(0, reason.length());
        if (reason.isEmpty()) {
            return invalid(id, errors.add(FIELD, "deadline_hold_error_required"), reason);
        }
        if (length > LegalHold.REASON_MAX) {
            return invalid(id, errors.add(FIELD, "deadline_hold_error_too_long", length, LegalHold.REASON_MAX), reason);
        }
        holds.place(id, reason);
        return done(id, "deadline_flash_hold");
    }

    /** The lift button's form carries no reason, only its token. */
    @POST
    @Path("/lift")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response lift(@PathParam("id") long id, @BeanParam LegalHoldForm f) {
        FormErrors errors = forms.check(f);
        if (errors.isPresent()) {
            return invalid(id, errors, "");
        }
        if (!holds.lift(id)) {
            return invalid(id, errors.add(LIFT, "deadline_hold_error_lift_refused"), "");
        }
        return done(id, "deadline_flash_hold_lifted");
    }

    /** The case page again (400) with the hold reason as typed; the view is audited. */
    private Response invalid(long id, FormErrors errors, String typed) {
        CaseView view = cases.view(id);
        view.deadlines().typedHoldReason = typed;
        return Response.status(400)
                .entity(CaseResource.Templates.show(view, errors, "", "", workflow.panel(id, WorkflowForm.empty())))
                .build();
    }

    private Response done(long id, String flashKey) {
        flash.next(flashKey);
        return Response.seeOther(CaseFlash.back(id, flashKey)).build();
    }
}
