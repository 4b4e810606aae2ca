package io.haven.guide;

import io.haven.lesson.ContentCatalogue;
import io.haven.lesson.Lesson;
import io.haven.lesson.LessonModule;
import io.haven.lesson.TeacherGuide;
import io.haven.staff.StaffSession;
import io.haven.web.Band;
import io.haven.web.PageContext;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Teacher's guides, for signed-in staff of any role, in the staff member's language (English when a
 * guide is not translated yet). Each guide page prints on two A4 pages (print stylesheet).
 */
@Path("/staff/guides")
@Produces(MediaType.TEXT_HTML)
public class GuideResource {

    @Inject
    ContentCatalogue content;

    @Inject
    StaffSession session;

    @Inject
    PageContext page;

    /** A module in the staff member's language, with the bands that have a guide. */
    public record Row(LessonModule module, String title, List<Band> bands) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<Row> rows);

        static native TemplateInstance show(GuideView view);
    }

    @GET
    public TemplateInstance index() {
        requireStaff();
        List<Row> rows = content.curriculum().modules().stream()
                .map(m -> new Row(
                        m,
                        m.lesson(m.bands().get(0), page.language())
                                .orElseThrow()
                                .title(),
                        m.bands().stream()
                                .filter(b -> m.guide(b, page.language()).isPresent())
                                .toList()))
                .filter(r -> !r.bands().isEmpty())
                .toList();
        return Templates.index(rows);
    }

    /** The guide for a module in a band; without a band (or one the module has not), its nearest. */
    @GET
    @Path("/{module}")
    public TemplateInstance show(@PathParam("module") String moduleId, @QueryParam("band") String band) {
        requireStaff();
        LessonModule module = content.curriculum().module(moduleId).orElseThrow(NotFoundException::new);
        Band b = module.nearestBand(Band.of(band).orElse(module.bands().get(0)));
        Lesson lesson = module.lesson(b, page.language()).orElseThrow(NotFoundException::new);
        // The guide in the lesson's language, so that prompts and answer key always belong together.
        TeacherGuide guide = module.guide(b, lesson.language())
                .filter(g -> g.language() == lesson.language())
                .orElseThrow(NotFoundException::new);
        page.setBand(b);
        List<Band> others = module.bands().stream().filter(o -> o != b).toList();
        return Templates.show(new GuideView(module, lesson, guide, lesson.language() != page.language(), others));
    }

    /** Any signed-in staff member with at least one role: teachers, handlers and administrators alike. */
    private void requireStaff() {
        session.requireSignedIn();
        if (session.roles().isEmpty()) {
            throw new NotFoundException();
        }
    }
}
