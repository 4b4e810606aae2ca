package io.haven.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Garbled form bodies (a lone %, a bare =, empty names, a broken escape, a charset nobody speaks) on every
 * POST route of the application: each answers 400 with a page and at most one short log line, never a
 * 500 or an ERROR with a stack trace.
 */
@QuarkusTest
class MalformedBodyTest {

    static final List<String> BODIES = List.of("%", "=", "&=&", "a=%zz", "message=%E0%A4%A", "_csrf=%");
    static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig()
                    .encodeContentTypeAs("application/x-www-form-urlencoded", io.restassured.http.ContentType.TEXT)
                    .appendDefaultContentCharsetToContentTypeIfUndefined(false));

    /** A POST route and whether its method reads a form body. */
    record Route(String path, boolean readsForm) {}

    /** Every POST path of every resource class under io.haven, with path parameters filled in with 1. */
    static List<Route> postRoutes() throws IOException {
        java.nio.file.Path root = java.nio.file.Path.of("target/classes");
        List<Route> routes = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("io/haven"))) {
            for (java.nio.file.Path f : files.filter(p ->
                            p.toString().endsWith(".class") && !p.toString().contains("$"))
                    .toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, MalformedBodyTest.class.getClassLoader());
                } catch (Throwable e) {
                    continue;
                }
                Path base = type.getAnnotation(Path.class);
                if (base == null) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(POST.class)) {
                        Path sub = m.getAnnotation(Path.class);
                        String path = (base.value() + (sub == null ? "" : "/" + sub.value()))
                                .replaceAll("//+", "/")
                                .replaceAll("\\{[^}]+}", "1");
                        boolean form = java.util.Arrays.stream(m.getParameters())
                                .anyMatch(p -> p.isAnnotationPresent(jakarta.ws.rs.BeanParam.class)
                                        || p.isAnnotationPresent(org.jboss.resteasy.reactive.RestForm.class));
                        routes.add(new Route(
                                path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path,
                                form));
                    }
                }
            }
        }
        return routes.stream()
                .distinct()
                .sorted(java.util.Comparator.comparing(Route::path))
                .toList();
    }

    @jakarta.inject.Inject
    io.haven.staff.StaffFixtures staff;

    @org.junit.jupiter.api.AfterEach
    void reset() {
        staff.reset();
    }

    /**
     * Anonymous and as a signed-in administrator and handler of a school: a route that reads a form answers
     * 400 (or, when the visitor may not use it at all, what it answers without reading the body: the login
     * page, 403, 404); a route that ignores the body answers as it always does. Never 5xx.
     */
    @Test
    void garbledBodiesAre400WithOneShortLineOnEveryFormRoute() throws IOException {
        List<Route> routes = postRoutes();
        assertThat(routes)
                .extracting(Route::path)
                .contains("/report", "/report/follow-up/reply", "/staff/cases/1/status", "/staff/login");
        long school = staff.school("en");
        FormSession admin =
                staff.signedIn(staff.account(school, true, io.haven.staff.Role.ADMIN, io.haven.staff.Role.HANDLER));
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Logger rootLog = java.util.logging.Logger.getLogger("");
        rootLog.addHandler(capture);
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        try {
            for (java.util.Map<String, String> cookies : List.of(java.util.Map.<String, String>of(), admin.cookies)) {
                for (Route route : routes) {
                    for (String body : BODIES) {
                        wrong.addAll(check(route, cookies, "application/x-www-form-urlencoded; charset=UTF-8", body));
                        sent++;
                    }
                    wrong.addAll(check(route, cookies, "application/x-www-form-urlencoded; charset=EBCDIC", "a=b"));
                    wrong.addAll(
                            check(route, cookies, "application/x-www-form-urlencoded; charset=no-such-charset", "a=b"));
                    sent += 2;
                }
            }
            // The reporter's and the case forms were reached, not turned away before reading the body.
            for (String path : List.of("/report", "/report/follow-up", "/report/follow-up/reply", "/staff/login")) {
                assertThat(given().config(RAW)
                                .redirects()
                                .follow(false)
                                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                                .body("a=%zz")
                                .post(path)
                                .statusCode())
                        .as(path)
                        .isEqualTo(400);
            }
        } finally {
            rootLog.removeHandler(capture);
        }
        assertThat(wrong).as("routes that did not answer 400").isEmpty();
        List<LogRecord> bad = logged.stream()
                .filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue() || r.getThrown() != null)
                .toList();
        assertThat(bad)
                .as("no ERROR and no stack trace logged: "
                        + bad.stream()
                                .map(r -> r.getLoggerName() + ": " + r.getMessage())
                                .limit(5)
                                .toList())
                .isEmpty();
        long lines = logged.stream()
                .filter(r -> r.getLoggerName().startsWith("io.haven"))
                .count();
        assertThat(lines).as("at most one short line per bad body").isLessThanOrEqualTo(sent);
        logged.stream()
                .filter(r -> r.getLoggerName().startsWith("io.haven"))
                .forEach(r -> assertThat(String.valueOf(r.getMessage()))
                        .doesNotContain("\n")
                        .hasSizeLessThan(300));
    }

    private static List<String> check(
            Route route, java.util.Map<String, String> cookies, String contentType, String body) {
        Response r = given().config(RAW)
                .cookies(cookies)
                .redirects()
                .follow(false)
                .contentType(contentType)
                .body(body.getBytes(StandardCharsets.ISO_8859_1))
                .post(route.path());
        int status = r.statusCode();
        boolean turnedAway = status == 403
                || status == 404
                || status == 401
                || (status == 303 && String.valueOf(r.getHeader("Location")).contains("/login"));
        boolean ok = status == 400 || (status < 500 && (turnedAway || !route.readsForm()));
        String what = route.path() + (cookies.isEmpty() ? " anonymous " : " staff ") + contentType + " [" + body
                + "] -> " + status + " " + String.valueOf(r.getHeader("Location"));
        return ok ? List.of() : List.of(what);
    }
}
