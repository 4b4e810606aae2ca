package io.haven.lesson;

import io.haven.web.Band;
import io.haven.web.Forms;
import io.haven.web.HandlesStaleForm;
import io.haven.web.PageContext;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalogue, a lesson, and its quiz graded on the server. */
@Path("/lessons")
@Produces(MediaType.TEXT_HTML)
public class LessonResource {

    private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

    /**
     * The staff session cookie's name (StaffSession.COOKIE; lesson cannot depend on staff). Only its
     * presence is noticed here; the guide page checks the session itself.
     */
    static final String STAFF_COOKIE = "haven_staff";

    @Inject
    ContentCatalogue content;

    @Inject
    PageContext page;

    @Inject
    Forms forms;

    @Inject
    LessonPageCache cache;

    @Inject
    Event<LessonOpened> opened;

    @Inject
    Event<QuizSubmitted> submitted;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance catalogue(List<Lesson> lessons);

        static native TemplateInstance chooseBand(LessonModule module, Lesson preview);

        static native TemplateInstance unavailable(LessonModule module, Lesson nearest);

        static native TemplateInstance show(LessonView view);

        static native TemplateInstance result(LessonView view, QuizResult result);
    }

    @GET
    public TemplateInstance catalogue() {
        List<Lesson> lessons = page.chosenBand()
                .map(b -> content.curriculum().forBand(b).stream()
                        .map(m -> m.lesson(b, page.language()).orElseThrow())
                        .toList())
                .orElse(List.of());
        return Templates.catalogue(lessons);
    }

    /**
     * Answered on the event loop: the page comes from memory (the curriculum and the page cache), and
     * handing every request to a worker thread and back cost more than the page itself (JFR,
     * docs/benchmarks.md). Only a class-progress write goes to a worker (see {@link LessonOpened}).
     */
    @GET
    @Path("/{id}")
    @NonBlocking
    public Uni<Response> show(@PathParam("id") String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        LessonModule module = module(id);
        if (page.chosenBand().isEmpty()) {
            Lesson preview =
                    module.lesson(module.bands().get(0), page.language()).orElseThrow();
            return Uni.createFrom().item(ok(Templates.chooseBand(module, preview)));
        }
        Band band = page.chosenBand().get();
        if (!module.hasBand(band)) {
            Lesson nearest =
                    module.lesson(module.nearestBand(band), page.language()).orElseThrow();
            return Uni.createFrom().item(ok(Templates.unavailable(module, nearest)));
        }
        // Staff see a link to the teacher's guide; their page is rendered apart, so the cached page students
        // get never has it. The guide page itself checks the session.
        boolean staff = headers.getCookies().containsKey(STAFF_COOKIE)
                && module.guide(band, page.language()).isPresent();
        byte[] shown = staff
                ? Templates.show(view(module, band, QuizResult.empty(lessonFor(module, band)), false, false, true))
                        .render()
                        .getBytes(StandardCharsets.UTF_8)
                : cache.page(
                        module.id(),
                        uri.getQueryParameters(),
                        () -> Templates.show(
                                view(module, band, QuizResult.empty(lessonFor(module, band)), false, false, false)));
        LessonOpened event = new LessonOpened(module.id(), band);
        opened.fire(event);
        Response response = Response.ok(shown, HTML).build();
        List<Runnable> work = event.blockingWork();
        if (work.isEmpty()) {
            return Uni.createFrom().item(response);
        }
        return Uni.createFrom()
                .item(() -> {
                    work.forEach(Runnable::run);
                    return response;
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @POST
    @Path("/{id}/quiz")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response quiz(@PathParam("id") String id, @BeanParam QuizForm form) {
        LessonModule module = module(id);
        // The band travels with the form so a result matches the questions the reader saw.
        Band band = form.band().filter(module::hasBand).orElseThrow(NotFoundException::new);
        page.setBand(band);
        page.setPath("/lessons/" + module.id(), Map.of());
        Lesson lesson = lessonFor(module, band);
        QuizResult result = QuizResult.grade(lesson, form.answers(lesson));
        if (forms.stale()) {
            return Response.status(400)
                    .entity(Templates.show(view(module, band, result, false, true, false)))
                    .build();
        }
        if (!result.complete()) {
            return Response.status(400)
                    .entity(Templates.show(view(module, band, result, true, false, false)))
                    .build();
        }
        submitted.fire(new QuizSubmitted(module.id(), band, result));
        return ok(Templates.result(view(module, band, result, false, false, false), result));
    }

    private LessonView view(
            LessonModule module,
            Band band,
            QuizResult quiz,
            boolean incomplete,
            boolean csrfExpired,
            boolean guideLink) {
        Lesson lesson = lessonFor(module, band);
        Curriculum c = content.curriculum();
        return new LessonView(
                module,
                lesson,
                lesson.language() != page.language(),
                module.showsLaw() ? c.law().get(page.getJurisdiction()) : null,
                help(c, lesson.band()),
                quiz,
                incomplete,
                csrfExpired,
                guideLink);
    }

    /** The help panel for the lesson's band: services for its ages, children's lines first for young readers. */
    private HelpDirectory help(Curriculum c, Band band) {
        HelpDirectory h = HelpDirectory.forPage(c.help(), page);
        return h == null ? null : h.forBand(Optional.of(band));
    }

    private Lesson lessonFor(LessonModule module, Band band) {
        return module.lesson(band, page.language()).orElseThrow(NotFoundException::new);
    }

    private LessonModule module(String id) {
        Optional<LessonModule> m = content.curriculum().module(id);
        return m.orElseThrow(NotFoundException::new);
    }

    private static Response ok(TemplateInstance t) {
        return Response.ok(t).build();
    }
}
