package io.haven.staff;

import io.haven.lesson.ContentCatalogue;
import io.haven.lesson.LawSheet;
import io.haven.school.School;
import io.haven.web.Flash;
import io.haven.web.FormErrors;
import io.haven.web.Forms;
import io.haven.web.HandlesStaleForm;
import io.haven.web.Jurisdictions;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import org.jboss.resteasy.reactive.RestForm;

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
    Forms forms;

    @Inject
    Flash flash;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance setup(
                String token, SetupForm form, FormErrors errors, Collection<LawSheet> jurisdictions);
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
        return Templates.setup(
                token, f, forms.none(), content.curriculum().law().values());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response create(@RestForm String token, @BeanParam SetupForm f) {
        if (!setup.accepts(token)) {
            throw new NotFoundException();
        }
        FormErrors errors = forms.check(f.strip());
        if (errors.isStale()) {
            return again(token, f, errors);
        }
        if (f.district()) {
            // A district starts without a school: its administrator creates them.
            errors = f.withoutSchoolFields(errors, forms.none());
        } else if (!errors.has("slug") && School.findBySlug(f.slug).isPresent()) {
            errors.add("slug", "staff_setup_slug_taken");
        }
        if (!f.district() && !errors.has("jurisdiction") && Jurisdictions.valid(f.jurisdiction) == null) {
            errors.add("jurisdiction", "staff_setup_jurisdiction_missing");
        }
        if (!f.district() && !errors.has("timeZone") && !validZone(f.timeZone)) {
            errors.add("timeZone", "staff_setup_time_zone_invalid");
        }
        if (!errors.has("password")) {
            String weak = passwords.weakness(f.password, f.email, f.displayName);
            if (weak != null) {
                errors.add("password", weak);
            }
        }
        if (!errors.has("password") && !errors.has("confirmPassword") && !f.password.equals(f.confirmPassword)) {
            errors.add("confirmPassword", "staff_password_mismatch");
        }
        errors.inOrder(SetupForm.ORDER);
        if (errors.isPresent()) {
            return again(token, f, errors);
        }
        if (!setup.complete(token, f)) {
            throw new NotFoundException();
        }
        setup.refreshSchools();
        flash.next(f.district() ? "ops_setup_done_district" : "staff_setup_done");
        return LoginResource.seeOther("/staff/login");
    }

    private Response again(String token, SetupForm f, FormErrors errors) {
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
