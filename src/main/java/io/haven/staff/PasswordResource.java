package io.haven.staff;

import io.haven.web.Flash;
import io.haven.web.FormErrors;
import io.haven.web.Forms;
import io.haven.web.HandlesStaleForm;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/** Forgotten password (a single-use link by e-mail) and changing one's password while signed in. */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
public class PasswordResource {

    @Inject
    StaffService service;

    @Inject
    StaffSession session;

    @Inject
    PasswordHasher passwords;

    @Inject
    LoginThrottle throttle;

    @Inject
    Forms forms;

    @Inject
    Flash flash;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance resetRequest(EmailForm form, FormErrors errors);

        static native TemplateInstance resetChoose(String token, FormErrors errors);

        static native TemplateInstance change(FormErrors errors);

        static native TemplateInstance linkInvalid();
    }

    @GET
    @Path("/password-reset")
    public TemplateInstance resetRequestForm() {
        return Templates.resetRequest(new EmailForm(), forms.none());
    }

    @POST
    @Path("/password-reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response resetRequest(@BeanParam EmailForm f, @Context HttpServerRequest request) {
        FormErrors errors = forms.check(f.strip());
        if (errors.isPresent()) {
            return Response.status(400)
                    .entity(Templates.resetRequest(f, errors))
                    .build();
        }
        // A few mails per account and per address each hour, so the form cannot flood an inbox; requests are
        // not sign-in failures, so they never slow down anyone's sign-in.
        String address = LoginResource.address(request);
        if (throttle.allowResetRequest(Staff.normalizeEmail(f.email), address)) {
            service.requestReset(f.email);
        }
        // The same answer whether or not the address has an account (or was paused).
        flash.next("staff_reset_sent");
        return LoginResource.seeOther("/staff/password-reset");
    }

    @GET
    @Path("/password-reset/new")
    public Response resetChooseForm(@QueryParam("token") String token) {
        if (service.tokenOwner(StaffToken.Purpose.RESET, token).isEmpty()) {
            return Response.status(404).entity(Templates.linkInvalid()).build();
        }
        return Response.ok(Templates.resetChoose(token, forms.none())).build();
    }

    @POST
    @Path("/password-reset/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response resetChoose(@RestForm String token, @BeanParam NewPasswordForm f) {
        Optional<Staff> owner = service.tokenOwner(StaffToken.Purpose.RESET, token);
        if (owner.isEmpty()) {
            return Response.status(404).entity(Templates.linkInvalid()).build();
        }
        FormErrors errors = f.problems(forms.check(f.strip()), passwords, owner.get());
        if (errors.isPresent()) {
            return Response.status(400)
                    .entity(Templates.resetChoose(token, errors))
                    .build();
        }
        if (!service.resetPassword(token, f.newPassword)) {
            return Response.status(404).entity(Templates.linkInvalid()).build();
        }
        flash.next("staff_reset_done");
        return LoginResource.seeOther("/staff/login");
    }

    @GET
    @Path("/password")
    public TemplateInstance changeForm() {
        session.requireSignedIn();
        return Templates.change(forms.none());
    }

    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response change(@BeanParam NewPasswordForm f, @Context HttpServerRequest request) {
        Staff me = session.requireSignedIn();
        FormErrors errors = f.problems(forms.check(f.strip()), passwords, me);
        if (f.currentPassword == null || f.currentPassword.isEmpty()) {
            f.add(errors, "currentPassword", "staff_password_current_missing");
        }
        if (errors.isPresent()) {
            return Response.status(400).entity(Templates.change(errors)).build();
        }
        String address = LoginResource.address(request);
        if (throttle.tryBegin(me.email, address) != null) {
            return Response.status(429)
                    .entity(Templates.change(forms.none().add("currentPassword", "staff_password_paused")))
                    .build();
        }
        int epoch = service.changePassword(me.id, f.currentPassword, f.newPassword);
        if (epoch < 0) {
            throttle.failed(me.email, address);
            service.auditAccount(me.id, "PASSWORD_CHANGE_FAILED");
            return Response.status(400)
                    .entity(Templates.change(forms.none().add("currentPassword", "staff_password_current_wrong")))
                    .build();
        }
        throttle.succeeded(me.email, address);
        // Every other browser signed in to this account is signed out; this one carries on.
        session.keepAfterEpochChange(epoch);
        flash.next("staff_password_changed");
        return LoginResource.seeOther("/staff");
    }
}
