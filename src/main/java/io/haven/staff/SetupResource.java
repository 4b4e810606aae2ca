package io.haven.staff;

import io.haven.lesson.ContentCatalogue;
import io.haven.lesson.LawSheet;
import io.haven.school.School;
import io.haven.web.Csrf;
import io.haven.web.Flash;
import io.haven.web.Jurisdictions;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;

/**
 * First run: creates the first school and administrator, or the first district administrator, with the
 * one-time token from the log (any node's). 404 afterwards.
 */
@Path("/staff/setup")
@Produces(MediaType.TEXT_HTML)
public class SetupResource {

    @Inject
    SetupService setup;

    @Inject
    PasswordHasher passwords;

    @Inject
    ContentCatalogue content;

    @Inject
    Csrf csrf;

    @Inject
    Flash flash;

    @Inject
    Validator validator;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance setup(
                String token, SetupForm form, Map<String, String> errors, Collection<LawSheet> jurisdictions);
    }

    @GET
    public TemplateInstance form(@QueryParam("token") String token) {
        if (!setup.accepts(token)) {
            throw new NotFoundException();
        }
        SetupForm f = new SetupForm();
        f.jurisdiction = "kr";
        f.language = "en";
        f.timeZone = "UTC";
        return Templates.setup(token, f, Map.of(), content.curriculum().law().values());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        String token = form.getFirst("token");
        if (!setup.accepts(token)) {
            throw new NotFoundException();
        }
        SetupForm f = SetupForm.of(form);
        if (!csrf.accepts(form.getFirst(Csrf.FIELD))) {
            csrf.renew();
            return again(token, f, PasswordResource.one(FormErrors.CSRF, "form_csrf_expired"));
        }
        Map<String, String> errors = FormErrors.of(f, validator.validate(f));
        if (f.district()) {
            // A district starts without a school: its administrator creates them.
            errors.keySet().removeAll(SetupForm.SCHOOL_FIELDS);
        } else if (!errors.containsKey("slug") && School.findBySlug(f.slug).isPresent()) {
            FormErrors.add(errors, f, "slug", "staff_setup_slug_taken");
        }
        if (!f.district() && !errors.containsKey("jurisdiction") && Jurisdictions.valid(f.jurisdiction) == null) {
            FormErrors.add(errors, f, "jurisdiction", "staff_setup_jurisdiction_missing");
        }
        if (!f.district() && !errors.containsKey("timeZone") && !validZone(f.timeZone)) {
            FormErrors.add(errors, f, "timeZone", "staff_setup_time_zone_invalid");
        }
        if (!errors.containsKey("password")) {
            String weak = passwords.weakness(f.password, f.email, f.displayName);
            if (weak != null) {
                FormErrors.add(errors, f, "password", weak);
            }
        }
        if (!errors.containsKey("password")
                && !errors.containsKey("confirmPassword")
                && !f.password.equals(f.confirmPassword)) {
            FormErrors.add(errors, f, "confirmPassword", "staff_password_mismatch");
        }
        if (!errors.isEmpty()) {
            return again(token, f, errors);
        }
        if (!setup.complete(token, f)) {
            throw new NotFoundException();
        }
        setup.refreshSchools();
        flash.next(f.district() ? "ops_setup_done_district" : "staff_setup_done");
        return LoginResource.seeOther("/staff/login");
    }

    private Response again(String token, SetupForm f, Map<String, String> errors) {
        f.password = null;
        f.confirmPassword = null;
        return Response.status(400)
                .entity(Templates.setup(
                        token, f, errors, content.curriculum().law().values()))
                .build();
    }

    static boolean validZone(String id) {
        try {
            ZoneId.of(id);
            return id.contains("/") || id.equals("UTC");
        } catch (DateTimeException e) {
            return false;
        }
    }
}
