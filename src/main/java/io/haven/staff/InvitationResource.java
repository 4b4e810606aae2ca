package io.haven.staff;

import io.haven.school.School;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/** Accepting an invitation: the invited person chooses their name and password through a single-use link. */
@Path("/staff/invitation")
@Produces(MediaType.TEXT_HTML)
public class InvitationResource {

    @Inject
    StaffService service;

    @Inject
    PasswordHasher passwords;

    @Inject
    Forms forms;

    @Inject
    Flash flash;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance accept(
                String token, School school, Staff invitee, NewPasswordForm form, FormErrors errors);
    }

    @GET
    public Response acceptForm(@QueryParam("token") String token) {
        Optional<Staff> invitee = service.tokenOwner(StaffToken.Purpose.INVITE, token);
        if (invitee.isEmpty()) {
            return invalid();
        }
        NewPasswordForm f = new NewPasswordForm();
        f.displayName = invitee.get().displayName;
        return Response.ok(Templates.accept(
                        token, service.invitationSchool(token).orElse(null), invitee.get(), f, forms.none()))
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response accept(@RestForm String token, @BeanParam NewPasswordForm f) {
        Optional<Staff> invitee = service.tokenOwner(StaffToken.Purpose.INVITE, token);
        if (invitee.isEmpty()) {
            return invalid();
        }
        School school = service.invitationSchool(token).orElse(null);
        FormErrors errors = f.problems(forms.check(f.strip()), passwords, invitee.get());
        if (f.displayName == null || f.displayName.isBlank()) {
            f.add(errors, "displayName", "staff_name_missing");
        }
        if (errors.isPresent()) {
            return again(token, school, invitee.get(), f, errors);
        }
        if (!service.acceptInvitation(token, f.displayName, f.newPassword)) {
            return invalid();
        }
        flash.next("staff_invitation_done");
        return LoginResource.seeOther("/staff/login");
    }

    private Response again(String token, School school, Staff invitee, NewPasswordForm f, FormErrors errors) {
        f.newPassword = null;
        f.confirmPassword = null;
        return Response.status(400)
                .entity(Templates.accept(token, school, invitee, f, errors))
                .build();
    }

    private static Response invalid() {
        return Response.status(404)
                .entity(PasswordResource.Templates.linkInvalid())
                .build();
    }
}
