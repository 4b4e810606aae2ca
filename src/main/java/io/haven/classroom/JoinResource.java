package io.haven.classroom;

import io.haven.school.SchoolDirectory;
import io.haven.web.Clock;
import io.haven.web.Cookies;
import io.haven.web.Flash;
import io.haven.web.FormErrors;
import io.haven.web.FormOnce;
import io.haven.web.Forms;
import io.haven.web.HandlesStaleForm;
import io.haven.web.HavenConfig;
import io.haven.web.PageContext;
import io.haven.web.RateLimiter;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The student's side of a class: join with a code and a nickname (nothing else asked), resume a seat
 * on another device, and see the seat's assignments. The seat lives in a signed cookie.
 */
@Singleton
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class JoinResource {

    static final int NICKNAME_MAX = JoinForm.NICKNAME_MAX;

    @Inject
    ClassroomService classes;

    @Inject
    SeatCookie seatCookie;

    @Inject
    PageContext page;

    @Inject
    Forms forms;

    @Inject
    FormOnce once;

    @Inject
    Flash flash;

    @Inject
    Clock clock;

    @Inject
    ClassroomConfig config;

    @Inject
    HavenConfig haven;

    @Inject
    SchoolDirectory schools;

    RateLimiter attempts;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance join(JoinForm form, FormErrors errors);

        static native TemplateInstance joined(Seat seat, Classroom classroom, String resumeCode);

        static native TemplateInstance resume(ResumeForm form, FormErrors errors);

        static native TemplateInstance my(MyView view);
    }

    @PostConstruct
    void limits() {
        attempts = new RateLimiter(config.joinAttempts(), config.joinWindow());
    }

    @GET
    @Path("/join")
    public TemplateInstance joinForm(@QueryParam("code") String code) {
        return Templates.join(JoinForm.of(code), forms.none());
    }

    @POST
    @Path("/join")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response join(@BeanParam JoinForm f, @Context HttpServerRequest request) {
        f.stripped();
        FormErrors errors = forms.check(f);
        if (errors.isStale()) {
            return again(400, f, errors);
        }
        if (f.nicknameInvalid()) {
            errors.add("nickname", "classroom_join_error_nickname_invalid", NICKNAME_MAX);
        }
        if (errors.isPresent()) {
            return again(400, f, errors);
        }
        if (!attempts.tryAcquire(address(request), clock.now())) {
            long wait = attempts.minutesUntilFree(address(request), clock.now());
            return again(429, f, errors.add("code", "classroom_join_error_slow_down", wait));
        }
        JoinOutcome outcome;
        try {
            outcome = classes.join(f.code, f.nickname, once.hashOf(f.once).orElse(null));
        } catch (PersistenceException e) {
            // Two students sent the same nickname at the same moment: the unique key kept one.
            outcome = JoinOutcome.refused(JoinOutcome.Problem.NICKNAME_TAKEN);
        }
        if (outcome.problem() == JoinOutcome.Problem.REPEATED) {
            // A refresh of the "joined" page: the first answer set this browser's seat, so its class page is the
            // answer.
            return Response.seeOther(URI.create(page.getBase() + "/my")).build();
        }
        if (!outcome.joined()) {
            switch (outcome.problem()) {
                case UNKNOWN_CODE -> errors.add("code", "classroom_join_error_code_unknown");
                case CLOSED -> errors.add("code", "classroom_join_error_code_closed");
                case EXPIRED -> errors.add("code", "classroom_join_error_code_expired");
                case FULL -> errors.add("code", "classroom_join_error_full");
                case NICKNAME_TAKEN -> errors.add("nickname", "classroom_join_error_nickname_taken");
            }
            return again(400, f, errors);
        }
        Seat seat = outcome.seat();
        Classroom classroom = Classroom.findById(seat.classroomId);
        // The resume code is on this page only: never in a redirect, a cookie or the database.
        return withSeat(
                        Response.ok(Templates.joined(seat, classroom, outcome.resumeCode())),
                        seat.id,
                        classroom.schoolId,
                        request)
                .build();
    }

    @GET
    @Path("/join/resume")
    public TemplateInstance resumeForm() {
        return Templates.resume(ResumeForm.empty(), forms.none());
    }

    @POST
    @Path("/join/resume")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response resume(@BeanParam ResumeForm f, @Context HttpServerRequest request) {
        f.stripped();
        FormErrors errors = forms.check(f);
        if (errors.isPresent()) {
            return Response.status(400).entity(Templates.resume(f, errors)).build();
        }
        if (!attempts.tryAcquire(address(request), clock.now())) {
            long wait = attempts.minutesUntilFree(address(request), clock.now());
            errors.add("resumeCode", "classroom_join_error_slow_down", wait);
            return Response.status(429).entity(Templates.resume(f, errors)).build();
        }
        Optional<Seat> seat = classes.resume(f.resumeCode);
        if (seat.isEmpty()) {
            errors.add("resumeCode", "classroom_resume_error_unknown");
            return Response.status(400).entity(Templates.resume(f, errors)).build();
        }
        flash.next("classroom_flash_resumed");
        Classroom classroom = Classroom.findById(seat.get().classroomId);
        return withSeat(Response.seeOther(URI.create("/my")), seat.get().id, classroom.schoolId, request)
                .build();
    }

    private Response again(int status, JoinForm f, FormErrors errors) {
        return Response.status(status).entity(Templates.join(f, errors)).build();
    }

    @GET
    @Path("/my")
    public Response my(@CookieParam(SeatCookie.NAME) String cookie, @Context HttpServerRequest request) {
        Optional<MyView> view = seatCookie.seatId(cookie).flatMap(classes::my);
        Response.ResponseBuilder r = Response.ok(Templates.my(view.orElse(null)));
        if (view.isPresent()) {
            // Moves a seat cookie of an earlier release, sent to every path, onto the paths that read it.
            withSeat(r, view.get().seat().id, view.get().classroom().schoolId, request);
        } else if (cookie != null) {
            // A forged cookie, or a seat whose class was archived: nothing to keep.
            boolean secure = secure(request);
            Set<String> paths = new LinkedHashSet<>(List.of("/"));
            paths.addAll(seatPaths(Optional.empty()));
            paths.addAll(seatPaths(page.schoolSlug()));
            for (String path : paths) {
                r.header(HttpHeaders.SET_COOKIE, Cookies.expire(SeatCookie.NAME, secure, path));
            }
        }
        return r.build();
    }

    /**
     * Sets the seat cookie on the paths that read it and on no other: a browser then never sends it to the
     * report routes. SameSite=Lax, HttpOnly: the lesson links the seat follows may come from elsewhere.
     * The site-wide cookie of earlier releases is ended first.
     */
    private Response.ResponseBuilder withSeat(
            Response.ResponseBuilder r, long seatId, long schoolId, HttpServerRequest request) {
        boolean secure = secure(request);
        r.header(HttpHeaders.SET_COOKIE, Cookies.expire(SeatCookie.NAME, secure, "/"));
        Set<String> slugs = new LinkedHashSet<>();
        schools.byId(schoolId).map(SchoolDirectory.Listing::slug).ifPresent(slugs::add);
        // Joined through another school's links: those are the links this browser will follow.
        page.schoolSlug().ifPresent(slugs::add);
        Set<String> paths = new LinkedHashSet<>(seatPaths(Optional.empty()));
        for (String slug : slugs) {
            paths.addAll(seatPaths(Optional.of(slug)));
        }
        String value = seatCookie.value(seatId);
        for (String path : paths) {
            r.header(HttpHeaders.SET_COOKIE, Cookies.preference(SeatCookie.NAME, value, secure, path));
        }
        return r;
    }

    /** Where the seat is read: "my" and the lesson pages (progress), plain and under a school's links. */
    static List<String> seatPaths(Optional<String> schoolSlug) {
        String base = schoolSlug.map(s -> "/s/" + s).orElse("");
        return List.of(base + "/lessons", base + "/my");
    }

    private boolean secure(HttpServerRequest request) {
        return haven.secureCookies() || "https".equals(request.scheme());
    }

    /** Used only as a key of the in-memory limit above; never stored, never logged. */
    private static String address(HttpServerRequest request) {
        return request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
    }
}
