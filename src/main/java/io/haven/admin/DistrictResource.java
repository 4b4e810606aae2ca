package io.haven.admin;

import io.haven.lesson.ContentCatalogue;
import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.staff.Role;
import io.haven.staff.Staff;
import io.haven.staff.StaffService;
import io.haven.staff.StaffSession;
import io.haven.web.Flash;
import io.haven.web.FormErrors;
import io.haven.web.Forms;
import io.haven.web.HandlesStaleForm;
import io.haven.web.PageContext;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The district administrator's schools: the list, and creating a school with an invitation for its first administrator. */
@Path("/staff/district/schools")
@Produces(MediaType.TEXT_HTML)
public class DistrictResource {

    @Inject
    StaffSession session;

    @Inject
    StaffService staff;

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

    @Inject
    io.haven.web.Clock clock;

    /** A school as listed: no case content, only who administers it. */
    public record Row(School school, long admins) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance schools(
                List<Row> schools, SchoolForm form, FormErrors errors, List<SettingsResource.Choice> jurisdictions);
    }

    @GET
    public TemplateInstance list() {
        session.requireDistrictAdmin();
        SchoolForm f = new SchoolForm();
        f.jurisdiction = "";
        f.defaultLanguage = page.language().code;
        f.timeZone = "";
        return page(f, forms.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response create(@BeanParam SchoolForm form) {
        Staff me = session.requireDistrictAdmin();
        SchoolForm f = form.stripped();
        FormErrors errors = forms.check(f);
        if (errors.isEmpty()) {
            f.newSchoolErrors(errors);
        }
        if (errors.isPresent()) {
            return Response.status(400).entity(page(f, errors)).build();
        }
        service.createSchool(me, f);
        flash.next(f.adminEmail.isEmpty() ? "admin_school_created" : "admin_school_created_invited");
        return Response.seeOther(URI.create("/staff/district/schools")).build();
    }

    private TemplateInstance page(SchoolForm form, FormErrors errors) {
        List<Row> rows = School.listByName().stream()
                .map(s -> new Row(s, io.haven.staff.StaffRole.count("schoolId = ?1 and role = ?2", s.id, Role.ADMIN)))
                .toList();
        return Templates.schools(rows, form, errors, SettingsResource.jurisdictions(content, page.language()));
    }
}
