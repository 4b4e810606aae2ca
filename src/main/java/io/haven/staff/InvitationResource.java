package io.haven.staff;

import io.haven.school.School;
import io.haven.web.Csrf;
import io.haven.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;

/** Accepting an invitation: the invited person chooses their name and password through a single-use link. */
@Path("/staff/invitation")
@Produces(MediaType.TEXT_HTML)
public class InvitationResource {

    @Inject
    StaffService service;

    @Inject
    PasswordHasher passwords;

    @Inject
    Validator validator;

    @Inject
    Csrf csrf;

    @Inject
    Flash flash;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance accept(
                String token, School school, Staff invitee, NewPasswordForm form, Map<String, String> errors);
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
                        token, service.invitationSchool(token).orElse(null), invitee.get(), f, Map.of()))
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(MultivaluedMap<String, String> form) {
        String token = form.getFirst("token");
        Optional<Staff> invitee = service.tokenOwner(StaffToken.Purpose.INVITE, token);
        if (invitee.isEmpty()) {
            return invalid();
        }
        School school = service.invitationSchool(token).orElse(null);
        NewPasswordForm f = NewPasswordForm.of(form);
        if (!csrf.accepts(form.getFirst(Csrf.FIELD))) {
            csrf.renew();
            return again(token, school, invitee.get(), f, PasswordResource.one(FormErrors.CSRF, "form_csrf_expired"));
        }
        Map<String, String> errors = f.problems(validator, passwords, invitee.get());
        if (f.displayName == null || f.displayName.isBlank()) {
            FormErrors.add(errors, f, "displayName", "staff_name_missing");
        }
        if (!errors.isEmpty()) {
            return again(token, school, invitee.get(), f, errors);
        }
        if (!service.acceptInvitation(token, f.displayName, f.newPassword)) {
            return invalid();
        }
        flash.next("staff_invitation_done");
        return LoginResource.seeOther("/staff/login");
    }

    private Response again(String token, School school, Staff invitee, NewPasswordForm f, Map<String, String> errors) {
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
