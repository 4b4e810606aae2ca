package io.haven.admin;

import io.haven.audit.Actor;
import io.haven.lesson.ContentCatalogue;
import io.haven.lesson.LawSheet;
import io.haven.school.AdminMsg;
import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.staff.Role;
import io.haven.staff.Staff;
import io.haven.staff.StaffSession;
import io.haven.web.Csrf;
import io.haven.web.Flash;
import io.haven.web.Jurisdictions;
import io.haven.web.Language;
import io.haven.web.Messages;
import io.haven.web.PageContext;
import io.haven.web.TextFormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
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
    Csrf csrf;

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
                TextFormErrors errors,
                List<School> adminSchools,
                List<Choice> jurisdictions);
    }

    @GET
    public TemplateInstance show(@QueryParam("school") String schoolId) {
        School school = school(schoolId);
        return page(school, SchoolForm.of(school), new TextFormErrors());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> form) {
        School school = school(form.getFirst("school"));
        Staff me = session.requireSignedIn();
        SchoolForm f = SchoolForm.of(form);
        AdminMsg msg = Messages.get(AdminMsg.class, page.language());
        if (!csrf.accepts(form.getFirst(Csrf.FIELD))) {
            csrf.renew();
            return Response.status(400)
                    .entity(page(
                            school,
                            f,
                            new TextFormErrors()
                                    .add("name", Messages.in(page.language()).form_csrf_expired())))
                    .build();
        }
        TextFormErrors errors = f.settingsErrors(msg);
        if (errors.isPresent()) {
            return Response.status(400).entity(page(school, f, errors)).build();
        }
        service.saveSettings(school.id, Actor.staff(me.id), f);
        flash.next("admin_settings_saved");
        return Response.seeOther(URI.create("/staff/admin/settings?school=" + school.id))
                .build();
    }

    private TemplateInstance page(School school, SchoolForm form, TextFormErrors errors) {
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
