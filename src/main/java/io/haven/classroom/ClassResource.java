package io.haven.classroom;

import io.haven.lesson.ContentCatalogue;
import io.haven.lesson.LessonModule;
import io.haven.school.School;
import io.haven.web.Band;
import io.haven.web.Flash;
import io.haven.web.FormErrors;
import io.haven.web.Forms;
import io.haven.web.HandlesStaleForm;
import io.haven.web.HavenConfig;
import io.haven.web.Messages;
import io.haven.web.Msg;
import io.haven.web.PageContext;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The teacher's classes: list, new class, the class page (code, assignments, progress table,
 * question results), the code for a projector, and the CSV export. Changes answer 303 with a flash.
 */
@Path("/staff/classes")
@Produces(MediaType.TEXT_HTML)
public class ClassResource {

    @Inject
    ClassroomService classes;

    @Inject
    ContentCatalogue content;

    @Inject
    Forms forms;

    @Inject
    Flash flash;

    @Inject
    PageContext page;

    @Inject
    HavenConfig haven;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ClassroomService.ClassRow> rows);

        static native TemplateInstance create(ClassForm form, FormErrors errors, List<School> schools);

        static native TemplateInstance show(
                ClassView view, AssignForm assign, FormErrors errors, boolean confirmNeeded);

        static native TemplateInstance code(Classroom classroom, String joinUrl, io.haven.staff.QrImage qr);

        static native TemplateInstance archive(Classroom classroom, ClassroomService.ArchiveCounts counts);
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(classes.list());
    }

    @GET
    @Path("/new")
    public TemplateInstance createForm() {
        List<School> schools = classes.teachingSchools();
        ClassForm f = new ClassForm();
        f.language = page.getLang();
        if (schools.size() == 1) {
            f.school = Long.toString(schools.get(0).id);
        }
        return Templates.create(f, forms.none(), schools);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response create(@BeanParam ClassForm f) {
        List<School> schools = classes.teachingSchools();
        f.stripped();
        FormErrors errors = forms.check(f);
        if (errors.isStale()) {
            return Response.status(400)
                    .entity(Templates.create(f, errors, schools))
                    .build();
        }
        LocalDate today = f.schoolId()
                .filter(id -> schools.stream().anyMatch(s -> s.id.equals(id)))
                .map(classes::today)
                .orElse(LocalDate.MIN);
        f.check(errors, schools.stream().map(s -> s.id).toList(), today);
        if (errors.isPresent()) {
            return Response.status(400)
                    .entity(Templates.create(f, errors, schools))
                    .build();
        }
        Classroom c = classes.create(
                f.schoolId().orElseThrow(),
                f.name,
                f.band().orElseThrow(),
                f.language().orElseThrow(),
                f.expiry(),
                f.cap());
        return done(c.id, "classroom_flash_created");
    }

    @GET
    @Path("/{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        return Templates.show(classes.view(id), AssignForm.empty(), forms.none(), false);
    }

    @GET
    @Path("/{id}/code")
    public TemplateInstance code(@PathParam("id") long id) {
        // The QR code is drawn here as inline SVG (the TOTP set-up's encoder): the projector page asks nothing of
        // any other site.
        String joinUrl = haven.baseUrl() + "/join";
        return Templates.code(classes.owned(id), joinUrl, io.haven.staff.QrImage.of(joinUrl));
    }

    @POST
    @Path("/{id}/code/reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response resetCode(@PathParam("id") long id) {
        return change(id, () -> classes.resetCode(id), "classroom_flash_code_reset");
    }

    @POST
    @Path("/{id}/code/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response closeCode(@PathParam("id") long id) {
        return change(id, () -> classes.setCodeOpen(id, false), "classroom_flash_code_closed");
    }

    @POST
    @Path("/{id}/code/open")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response openCode(@PathParam("id") long id) {
        return change(id, () -> classes.setCodeOpen(id, true), "classroom_flash_code_opened");
    }

    /** Archiving deletes seats and answers: the button on the class page leads here first, to say what goes. */
    @GET
    @Path("/{id}/archive")
    public TemplateInstance confirmArchive(@PathParam("id") long id) {
        return Templates.archive(classes.owned(id), classes.archiveCounts(id));
    }

    @POST
    @Path("/{id}/archive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response archive(@PathParam("id") long id) {
        classes.owned(id);
        if (forms.stale()) {
            return expired(id, AssignForm.empty());
        }
        classes.archive(id);
        flash.next("classroom_flash_archived");
        return Response.seeOther(URI.create("/staff/classes")).build();
    }

    @POST
    @Path("/{id}/assignments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response assign(@PathParam("id") long id, @BeanParam AssignForm f) {
        Classroom c = classes.owned(id);
        f.stripped();
        FormErrors errors = forms.check(f);
        if (errors.isStale()) {
            return expired(id, f);
        }
        Optional<LessonModule> module = content.curriculum().module(f.module);
        if (module.isEmpty()) {
            errors.add("module", "classroom_assign_error_module");
        }
        LocalDate due = null;
        if (!f.dueOn.isEmpty()) {
            due = ClassForm.date(f.dueOn).orElse(null);
            if (due == null) {
                errors.add("dueOn", "classroom_form_error_date");
            } else if (due.isBefore(classes.today(c.schoolId))) {
                errors.add("dueOn", "classroom_form_error_date_past");
            }
        }
        if (errors.isPresent()) {
            return Response.status(400)
                    .entity(Templates.show(classes.view(id), f, errors, false))
                    .build();
        }
        Band band = Band.of(c.band).orElseThrow();
        if (!module.get().hasBand(band) && !f.confirmed()) {
            // Written for other ages: the teacher sees why and confirms with a second submit.
            errors.add("confirm", "classroom_assign_out_of_band", bandNames(module.get()), bandName(band));
            return Response.status(400)
                    .entity(Templates.show(classes.view(id), f, errors, true))
                    .build();
        }
        classes.assign(id, module.get(), due);
        return done(id, "classroom_flash_assigned");
    }

    @GET
    @Path("/{id}/export.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("id") long id) {
        ClassView view = classes.view(id);
        return Response.ok(
                        ClassCsv.of(
                                view,
                                msg(),
                                io.haven.web.Messages.get(io.haven.staff.WorkspaceMsg.class, page.language())),
                        "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"class-" + id + ".csv\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private Response change(long id, Runnable action, String flashKey) {
        classes.owned(id);
        if (forms.stale()) {
            return expired(id, AssignForm.empty());
        }
        action.run();
        return done(id, flashKey);
    }

    /** The class page again, the assignment form as typed, saying the form was stale (nothing was changed). */
    private Response expired(long id, AssignForm f) {
        FormErrors errors = forms.none().add(FormErrors.STALE, Forms.STALE_KEY);
        return Response.status(400)
                .entity(Templates.show(classes.view(id), f, errors, false))
                .build();
    }

    private Response done(long id, String flashKey) {
        flash.next(flashKey);
        return Response.seeOther(URI.create("/staff/classes/" + id)).build();
    }

    private ClassroomMsg msg() {
        return Messages.get(ClassroomMsg.class, page.language());
    }

    private String bandNames(LessonModule m) {
        return String.join(", ", m.bands().stream().map(this::bandName).toList());
    }

    private String bandName(Band b) {
        Msg common = Messages.in(page.language());
        return switch (b) {
            case AGES_5_7 -> common.common_band_5_7();
            case AGES_8_10 -> common.common_band_8_10();
            case AGES_11_13 -> common.common_band_11_13();
            case AGES_14_18 -> common.common_band_14_18();
        };
    }
}
