package io.haven.admin;

import io.haven.audit.Actor;
import io.haven.lesson.ContentCatalogue;
import io.haven.lesson.LawSheet;
import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.staff.Role;
import io.haven.staff.Staff;
import io.haven.staff.StaffSession;
import io.haven.web.Flash;
import io.haven.web.FormErrors;
import io.haven.web.Forms;
import io.haven.web.HandlesStaleForm;
import io.haven.web.Jurisdictions;
import io.haven.web.Language;
import io.haven.web.PageContext;
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
import java.net.URI;
import java.util.List;
import java.util.Objects;

/** A school administrator's settings page: name, jurisdiction, language, time zone, emergency number, quick exit. */
@Path("/staff/admin/settings")
@Produces(MediaType.TEXT_HTML)
public class SettingsResource {

    @Inject
    StaffSession session;

    @Inject
    Forms forms;

    @Inject
    Flash flash;

    @Inject
    PageContext page;

    @Inject
    SchoolDirectory directory;

    @Inject
    ContentCatalogue content;

    @Inject
    SchoolAdminService service;

    /** A value of a select and its label in the reader's language. */
    public record Choice(String id, String label) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(
                School school,
                SchoolForm form,
                FormErrors errors,
                List<School> adminSchools,
                List<Choice> jurisdictions);
    }

    @GET
    public TemplateInstance show(@QueryParam("school") String schoolId) {
        School school = school(schoolId);
        return page(school, SchoolForm.of(school), forms.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response save(@BeanParam SettingsForm form) {
        School school = school(form.school);
        Staff me = session.requireSignedIn();
        SchoolForm f = form.stripped();
        FormErrors errors = forms.check(f);
        if (errors.isEmpty()) {
            f.settingsErrors(errors);
        }
        if (errors.isPresent()) {
            return Response.status(400).entity(page(school, f, errors)).build();
        }
        service.saveSettings(school.id, Actor.staff(me.id), f);
        flash.next("admin_settings_saved");
        return Response.seeOther(URI.create("/staff/admin/settings?school=" + school.id))
                .build();
    }

    private TemplateInstance page(School school, SchoolForm form, FormErrors errors) {
        List<School> adminSchools = session.schoolsWithRole(Role.ADMIN).stream()
                .map(id -> School.<School>findById(id))
                .filter(Objects::nonNull)
                .toList();
        return Templates.settings(school, form, errors, adminSchools, jurisdictions(content, page.language()));
    }

    /** The supported jurisdictions with their names in the reader's language. */
    static List<Choice> jurisdictions(ContentCatalogue content, Language language) {
        return Jurisdictions.IDS.stream()
                .map(id -> {
                    LawSheet sheet = content.curriculum().law().get(id);
                    return new Choice(
                            id,
                            sheet == null
                                    ? id.toUpperCase(java.util.Locale.ROOT)
                                    : sheet.name().in(language));
                })
                .toList();
    }

    /** The school asked for (or the first the member administers); 404 unless they are its ADMIN. */
    private School school(String schoolId) {
        Long id = null;
        if (schoolId != null && !schoolId.isBlank()) {
            try {
                id = Long.valueOf(schoolId.strip());
            } catch (NumberFormatException e) {
                session.requireSignedIn();
                throw new NotFoundException();
            }
        }
        return session.administered(id);
    }
}
