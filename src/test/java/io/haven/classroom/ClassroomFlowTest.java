package io.haven.classroom;

import static io.haven.classroom.ClassroomFixtures.classForm;
import static io.haven.classroom.ClassroomFixtures.createClass;
import static io.haven.classroom.ClassroomFixtures.join;
import static io.haven.classroom.ClassroomFixtures.joinCode;
import static io.haven.classroom.ClassroomFixtures.school;
import static io.haven.classroom.ClassroomFixtures.signIn;
import static io.haven.classroom.ClassroomFixtures.teacher;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.haven.lesson.ContentCatalogue;
import io.haven.lesson.Lesson;
import io.haven.lesson.QuizQuestion;
import io.haven.lesson.QuizResult;
import io.haven.web.Band;
import io.haven.web.Clock;
import io.haven.web.FormSession;
import io.haven.web.Language;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Classes end to end: a teacher, a class, students joining, reading, answering, and what the teacher sees. */
@QuarkusTest
class ClassroomFlowTest {

    static final Pattern RESUME = Pattern.compile("<strong>([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})</strong>");
    static final String MODULE = "deepfakes-and-consent";

    @Inject
    JoinResource joins;

    @Inject
    Clock clock;

    @Inject
    ContentCatalogue content;

    @Inject
    DataSource db;

    @Inject
    io.haven.school.SchoolDirectory schools;

    long schoolA;
    long schoolB;

    @BeforeEach
    void setUp() {
        joins.attempts.clear();
        schoolA = school("class-a");
        schoolB = school("class-b");
        teacher("teacher.a@class.test", schoolA);
        teacher("teacher.a2@class.test", schoolA);
        teacher("teacher.b@class.test", schoolB);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        joins.attempts.clear();
    }

    Lesson lesson() {
        return content.curriculum()
                .module(MODULE)
                .orElseThrow()
                .lesson(Band.AGES_11_13, Language.EN)
                .orElseThrow();
    }

    @Test
    void theClassPageLinksToTheTeachersGuideOfEachAssignedLesson() {
        FormSession teacher = signIn("teacher.a@class.test");
        long id = createClass(teacher, classForm(schoolA, "Guides " + System.nanoTime(), "14-18"));
        teacher.get("/staff/classes/" + id);
        assertThat(teacher.post(
                                "/staff/classes/" + id + "/assignments",
                                Map.of("module", "test-english-only", "dueOn", ""))
                        .statusCode())
                .isEqualTo(303);
        String page = teacher.get("/staff/classes/" + id + "?lang=en").asString();
        assertThat(page)
                .contains("Teacher&#39;s guides for the assigned lessons")
                .contains("href=\"/staff/guides/test-english-only?band=14-18\"");
        assertThat(teacher.get("/staff/guides/test-english-only?band=14-18").statusCode())
                .isEqualTo(200);
    }

    @Test
    void teacherCreatesAssignsStudentJoinsReadsCompletesAndTheTableAndCsvShowIt() {
        FormSession teacher = signIn("teacher.a@class.test");
        long id = createClass(teacher, classForm(schoolA, "Class 3-2 " + System.nanoTime(), "11-13"));
        Response page = teacher.get("/staff/classes/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("The class was created.").contains(joinCode(id));
        assertThat(joinCode(id)).matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}");

        Response projector = teacher.get("/staff/classes/" + id + "/code");
        assertThat(projector.statusCode()).isEqualTo(200);
        assertThat(projector.asString()).contains("class=\"join-code\"").contains(joinCode(id));
        // the projector page is bare: no site or staff header, no teacher name, no footer; a QR code of the
        // join address drawn inline, and no aria-label on a paragraph
        assertThat(projector.asString())
                .doesNotContain("<header")
                .doesNotContain("<footer")
                .doesNotContain("Signed in as")
                .doesNotContain("aria-label=")
                .contains("class=\"join-address\">http://localhost:8080/join<")
                .containsPattern("<svg[^>]*class=\"qr\"[^>]*>.*<path d=\"M");

        String due = LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(7).toString();
        teacher.get("/staff/classes/" + id);
        Response assigned =
                teacher.post("/staff/classes/" + id + "/assignments", Map.of("module", MODULE, "dueOn", due));
        assertThat(assigned.statusCode()).isEqualTo(303);

        FormSession student = new FormSession();
        Response joined = join(student, joinCode(id).toLowerCase(), "Mina");
        assertThat(joined.statusCode()).isEqualTo(200);
        assertThat(joined.header("Cache-Control")).isEqualTo("no-store");
        String setCookie = joined.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SeatCookie.NAME + "=") && !c.contains("Max-Age=0"))
                .findFirst()
                .orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/lessons");
        Matcher m = RESUME.matcher(joined.asString());
        assertThat(m.find()).as("resume code shown").isTrue();
        String resume = m.group(1);
        assertThat(rawCount("select count(*) from class_seat where resume_hash = ?", resume.replace("-", "")))
                .isZero();

        Response my = student.get("/my");
        assertThat(my.asString())
                .contains("Mina")
                .contains(lesson().title())
                .contains(due)
                .contains("Not started")
                .contains("href=\"/lessons/" + MODULE + "?band=11-13&amp;lang=en\"");

        // Opening the lesson counts as read; opening it twice is still one row.
        assertThat(student.get("/lessons/" + MODULE + "?band=11-13&lang=en").statusCode())
                .isEqualTo(200);
        assertThat(student.get("/lessons/" + MODULE + "?band=11-13&lang=en").statusCode())
                .isEqualTo(200);
        assertThat(rawCount(
                        "select count(*) from class_progress p join class_seat s on p.seat_id = s.id "
                                + "where s.classroom_id = ?",
                        id))
                .isEqualTo(1);
        assertThat(teacher.get("/staff/classes/" + id).asString())
                .contains("Mina")
                .contains(">Read<");

        // A quiz with the first question wrong, then one all right: latest and best kept.
        List<QuizQuestion> quiz = lesson().quiz();
        Response result = student.post("/lessons/" + MODULE + "/quiz", answers(quiz, true));
        assertThat(result.statusCode()).isEqualTo(200);
        int total = quiz.size();
        String table = teacher.get("/staff/classes/" + id).asString();
        assertThat(table)
                .contains("Completed " + (total - 1) + "/" + total + " (best " + (total - 1) + ")")
                .contains("<code>" + quiz.get(0).id() + "</code>")
                .contains(quiz.get(0).text().replace("'", "&#39;"))
                .contains("most missed");
        student.get("/lessons/" + MODULE + "?band=11-13&lang=en");
        student.post("/lessons/" + MODULE + "/quiz", answers(quiz, false));
        student.get("/lessons/" + MODULE + "?band=11-13&lang=en");
        student.post("/lessons/" + MODULE + "/quiz", answers(quiz, true));
        assertThat(teacher.get("/staff/classes/" + id).asString())
                .contains("Completed " + (total - 1) + "/" + total + " (best " + total + ")");
        assertThat(student.get("/my").asString())
                .contains("Completed: " + (total - 1) + " of " + total + " (best " + total + ")")
                .doesNotContain("rank");
        // Seat and progress times are kept to the minute, so they cannot be lined up with a report's time.
        assertThat(java.util.stream.Stream.of(
                                rawTimes("select s.created_at from class_seat s where s.classroom_id = ?", id),
                                rawTimes(
                                        "select p.read_at from class_progress p join class_seat s on p.seat_id = s.id where s.classroom_id = ?",
                                        id),
                                rawTimes(
                                        "select p.completed_at from class_progress p join class_seat s on p.seat_id = s.id where s.classroom_id = ?",
                                        id),
                                rawTimes(
                                        "select a.answered_at from class_answer a join class_seat s on a.seat_id = s.id where s.classroom_id = ?",
                                        id))
                        .flatMap(List::stream)
                        .toList())
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t).isEqualTo(t.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)));

        Response csv = teacher.get("/staff/classes/" + id + "/export.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        // UTF-8 BOM, the lesson's title (not its id) in the headers, scores no spreadsheet reads as dates
        assertThat(csv.asString())
                .startsWith("\uFEFFNickname,")
                .contains(" \u2013 status\"")
                .doesNotContain(MODULE + " status")
                .doesNotContain(total + "/" + total)
                .contains("Mina,Completed," + (total - 1) + " of " + total + "," + total + " of " + total);
        String koCsv =
                teacher.get("/staff/classes/" + id + "/export.csv?lang=ko").asString();
        assertThat(koCsv).startsWith("\uFEFF").contains(total + "점 중 " + total + "점");

        // The resume code brings the same seat back in a fresh browser.
        FormSession other = new FormSession();
        other.get("/join/resume");
        Response resumed = other.post("/join/resume", Map.of("resumeCode", resume.toLowerCase()));
        assertThat(resumed.statusCode()).isEqualTo(303);
        assertThat(resumed.header("Location")).endsWith("/my");
        assertThat(other.cookies).containsKey(SeatCookie.NAME);
        assertThat(other.get("/my").asString())
                .contains("Welcome back")
                .contains("Mina")
                .contains("best " + total);
    }

    Map<String, Object> answers(List<QuizQuestion> quiz, boolean firstWrong) {
        Map<String, Object> f = new HashMap<>();
        f.put("band", "11-13");
        for (int i = 0; i < quiz.size(); i++) {
            QuizQuestion q = quiz.get(i);
            int a = q.answer();
            if (i == 0 && firstWrong) {
                a = (a + 1) % q.choices().size();
            }
            f.put(QuizResult.field(q), Integer.toString(a));
        }
        return f;
    }

    @Test
    void theSeatCookieGoesOnlyToTheClassPathsAndNeverToTheReportRoutes() {
        schools.refresh();
        FormSession teacher = signIn("teacher.a@class.test");
        long id = createClass(teacher, classForm(schoolA, "Scoped " + System.nanoTime(), "11-13"));
        teacher.get("/staff/classes/" + id);
        teacher.post("/staff/classes/" + id + "/assignments", Map.of("module", MODULE, "dueOn", ""));
        Response joined = join(new FormSession(), joinCode(id), "Jun");
        assertThat(joined.statusCode()).isEqualTo(200);

        // The site-wide cookie of earlier releases is ended; the seat is set for the paths that read it.
        List<String> seat = joined.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SeatCookie.NAME + "="))
                .toList();
        assertThat(seat)
                .anyMatch(c ->
                        c.startsWith(SeatCookie.NAME + "=;") && c.contains("; Path=/;") && c.contains("Max-Age=0"));
        assertThat(seat.stream().filter(c -> !c.contains("Max-Age=0")).map(BrowserCookies::path))
                .containsExactlyInAnyOrder("/lessons", "/my", "/s/class-a/lessons", "/s/class-a/my");

        BrowserCookies browser = new BrowserCookies();
        browser.take(joined);
        for (String path : List.of(
                "/",
                "/report",
                "/report/follow-up",
                "/s/class-a/report",
                "/s/class-a/report/follow-up",
                "/s/class-b/report",
                "/join",
                "/staff/login",
                "/lessonsx",
                "/myself")) {
            assertThat(browser.sentTo(path)).as(path).doesNotContainKey(SeatCookie.NAME);
        }
        for (String path : List.of(
                "/my",
                "/lessons/" + MODULE,
                "/lessons/" + MODULE + "/quiz",
                "/s/class-a/my",
                "/s/class-a/lessons/" + MODULE)) {
            assertThat(browser.sentTo(path)).as(path).containsKey(SeatCookie.NAME);
        }

        // With exactly what the browser sends: the report form knows no seat, "my" and progress still work.
        Response report = given().cookies(browser.sentTo("/s/class-a/report")).get("/s/class-a/report");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.getHeaders().getValues("Set-Cookie")).noneMatch(c -> c.startsWith(SeatCookie.NAME));
        assertThat(given().cookies(browser.sentTo("/s/class-a/my"))
                        .get("/s/class-a/my")
                        .asString())
                .contains("Jun");
        assertThat(given().cookies(browser.sentTo("/my")).get("/my").asString()).contains("Jun");
        given().cookies(browser.sentTo("/s/class-a/lessons/" + MODULE))
                .get("/s/class-a/lessons/" + MODULE + "?band=11-13")
                .then()
                .statusCode(200);
        assertThat(rawCount(
                        "select count(*) from class_progress p join class_seat s on p.seat_id = s.id "
                                + "where s.classroom_id = ?",
                        id))
                .isEqualTo(1);

        // A browser still holding the site-wide cookie has it moved onto the class paths at its next visit.
        String value = browser.sentTo("/my").get(SeatCookie.NAME);
        Response moved = given().cookie(SeatCookie.NAME, value).get("/my");
        assertThat(moved.asString()).contains("Jun");
        BrowserCookies old = new BrowserCookies();
        old.set(SeatCookie.NAME, value, "/");
        old.take(moved);
        assertThat(old.sentTo("/report")).doesNotContainKey(SeatCookie.NAME);
        assertThat(old.sentTo("/lessons/" + MODULE)).containsEntry(SeatCookie.NAME, value);
    }

    /** Cookies as a browser keeps them (one per name and path) and sends them (only where the path matches). */
    static final class BrowserCookies {

        private final Map<String, String[]> jar = new java.util.LinkedHashMap<>();

        static String path(String setCookie) {
            for (String attribute : setCookie.split(";\\s*")) {
                if (attribute.regionMatches(true, 0, "Path=", 0, 5)) {
                    return attribute.substring(5);
                }
            }
            return "/";
        }

        void set(String name, String value, String path) {
            jar.put(name + " " + path, new String[] {name, value, path});
        }

        void take(Response r) {
            for (String c : r.getHeaders().getValues("Set-Cookie")) {
                String pair = c.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                if (c.contains("Max-Age=0")) {
                    jar.remove(name + " " + path(c));
                } else {
                    set(name, pair.substring(pair.indexOf('=') + 1), path(c));
                }
            }
        }

        /** RFC 6265 section 5.1.4: the cookie's path is the request path or a prefix of it ending at a slash. */
        Map<String, String> sentTo(String requestPath) {
            Map<String, String> sent = new HashMap<>();
            jar.values().stream()
                    .filter(c -> requestPath.equals(c[2])
                            || requestPath.startsWith(c[2])
                                    && (c[2].endsWith("/") || requestPath.charAt(c[2].length()) == '/'))
                    .sorted((a, b) -> b[2].length() - a[2].length())
                    .forEach(c -> sent.putIfAbsent(c[0], c[1]));
            return sent;
        }
    }

    @Test
    void aLessonOpenedWithoutOrWithAForgedSeatCookieRecordsNothing() {
        FormSession teacher = signIn("teacher.a@class.test");
        long id = createClass(teacher, classForm(schoolA, "Forged", "11-13"));
        teacher.get("/staff/classes/" + id);
        teacher.post("/staff/classes/" + id + "/assignments", Map.of("module", MODULE, "dueOn", ""));
        FormSession student = new FormSession();
        join(student, joinCode(id), "Real");
        String cookie = student.cookies.get(SeatCookie.NAME);
        String forged =
                (Long.parseLong(cookie.substring(0, cookie.indexOf('.'))) + 1) + cookie.substring(cookie.indexOf('.'));
        given().cookie(SeatCookie.NAME, forged)
                .get("/lessons/" + MODULE + "?band=11-13")
                .then()
                .statusCode(200);
        given().get("/lessons/" + MODULE + "?band=11-13").then().statusCode(200);
        assertThat(rawCount(
                        "select count(*) from class_progress p join class_seat s on p.seat_id = s.id "
                                + "where s.classroom_id = ?",
                        id))
                .isZero();
        assertThat(given().cookie(SeatCookie.NAME, forged).get("/my").asString())
                .contains("You are not in a class");
    }

    @Test
    void theSameJoinFormSentTwiceMakesOneSeatAndLeadsToTheClass() {
        FormSession teacher = signIn("teacher.a@class.test");
        long id = createClass(teacher, classForm(schoolA, "Refresh " + System.nanoTime(), "11-13"));
        FormSession student = new FormSession();
        student.get("/join");
        Map<String, Object> form =
                new java.util.HashMap<>(Map.of("code", joinCode(id), "nickname", "Juno", "_once", student.once()));
        assertThat(student.post("/join", form).statusCode()).isEqualTo(200);
        // The refresh of the "joined" page: not "nickname taken", but the class page, and still one seat.
        Response again = student.post("/join", form);
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.header("Location")).endsWith("/my");
        assertThat(rawCount("select count(*) from class_seat where classroom_id = ?", id))
                .isEqualTo(1);
    }

    @Test
    void eachJoinErrorHasItsMessage() {
        FormSession teacher = signIn("teacher.a@class.test");
        FormSession student = new FormSession();

        Response wrong = join(student, "ZZZZ2222", "Ana");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.asString())
                .contains("No class has this code.")
                .contains("href=\"#code\"")
                .contains("aria-describedby=\"code-hint code-error\"")
                .contains("value=\"Ana\"");

        Response missing = join(student, "", "");
        assertThat(missing.asString()).contains("Enter the class code.").contains("Choose a nickname.");

        long closed = createClass(teacher, classForm(schoolA, "Closed", "8-10"));
        teacher.get("/staff/classes/" + closed);
        assertThat(teacher.post("/staff/classes/" + closed + "/code/close", Map.of())
                        .statusCode())
                .isEqualTo(303);
        Response refused = join(student, joinCode(closed), "Ana");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("This class is closed to new members.");
        assertThat(rawCount("select count(*) from class_seat where classroom_id = ?", closed))
                .isZero();
        teacher.get("/staff/classes/" + closed);
        teacher.post("/staff/classes/" + closed + "/code/open", Map.of());
        assertThat(join(new FormSession(), joinCode(closed), "Ana").statusCode())
                .isEqualTo(200);

        Map<String, Object> expiring = classForm(schoolA, "Expiring", "8-10");
        expiring.put("expiresOn", LocalDate.now(ZoneId.of("Asia/Seoul")).toString());
        long expires = createClass(teacher, expiring);
        assertThat(join(new FormSession(), joinCode(expires), "Early").statusCode())
                .isEqualTo(200);
        clock.advance(Duration.ofDays(2));
        Response expired = join(student, joinCode(expires), "Late");
        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(expired.asString()).contains("This class code has expired.");
        clock.reset();

        Map<String, Object> small = classForm(schoolA, "Small", "8-10");
        small.put("seatCap", "1");
        long full = createClass(teacher, small);
        assertThat(join(new FormSession(), joinCode(full), "First").statusCode())
                .isEqualTo(200);
        Response noRoom = join(student, joinCode(full), "Second");
        assertThat(noRoom.statusCode()).isEqualTo(400);
        assertThat(noRoom.asString()).contains("This class is full.");

        long named = createClass(teacher, classForm(schoolA, "Named", "8-10"));
        assertThat(join(new FormSession(), joinCode(named), "Mina").statusCode())
                .isEqualTo(200);
        Response taken = join(student, joinCode(named), " MINA ");
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.asString())
                .contains("Someone in this class already uses this nickname.")
                .contains("href=\"#nickname\"");

        Response resume = new FormSession().get("/join/resume");
        assertThat(resume.statusCode()).isEqualTo(200);
        FormSession r = new FormSession();
        r.get("/join/resume");
        assertThat(r.post("/join/resume", Map.of("resumeCode", "AAAA-BBBB-CCCC"))
                        .asString())
                .contains("No seat matches this resume code.");
    }

    @Test
    void studentPagesSpeakKoreanAndFrench() {
        Response ko = given().get("/join?lang=ko");
        assertThat(ko.asString()).contains("수업 참여하기").contains("별명");
        Response fr = given().get("/my?lang=fr");
        assertThat(fr.asString()).contains("Tu n&#39;es dans aucune classe sur cet appareil.");
        FormSession teacher = signIn("teacher.a@class.test");
        long id = createClass(teacher, classForm(schoolA, "Bilingue", "11-13"));
        assertThat(teacher.get("/staff/classes/" + id + "?lang=fr").asString())
                .contains("Attribuer un module")
                .contains("La classe a été créée.");
    }

    @Test
    void aStaleFormComesBackFilledIn() {
        FormSession student = new FormSession();
        student.get("/join");
        Response r = student.postRaw("/join", Map.of("code", "ABCD2345", "nickname", "Kept"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString())
                .contains("value=\"ABCD2345\"")
                .contains("value=\"Kept\"")
                .contains("This form was open too long");
    }

    @Test
    void joinAttemptsAreRateLimitedPerAddress() {
        FormSession student = new FormSession();
        student.get("/join");
        int status = 0;
        for (int i = 0; i < 60; i++) {
            status = student.post("/join", Map.of("code", "ZZZZ22" + (i % 10) + "2", "nickname", "Guess"))
                    .statusCode();
            assertThat(status).isEqualTo(400);
        }
        Response limited = student.post("/join", Map.of("code", "ZZZZ2222", "nickname", "Guess"));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.asString()).contains("Too many tries from this connection.");
        FormSession r = new FormSession();
        r.get("/join/resume");
        assertThat(r.post("/join/resume", Map.of("resumeCode", "AAAA-BBBB-CCCC"))
                        .statusCode())
                .isEqualTo(429);
    }

    @Test
    void anotherTeachersOrAnotherSchoolsClassIsNotFound() {
        FormSession owner = signIn("teacher.a@class.test");
        long id = createClass(owner, classForm(schoolA, "Mine", "11-13"));
        for (String email : List.of("teacher.a2@class.test", "teacher.b@class.test")) {
            FormSession other = signIn(email);
            assertThat(other.get("/staff/classes/" + id).statusCode()).as(email).isEqualTo(404);
            assertThat(other.get("/staff/classes/" + id + "/code").statusCode()).isEqualTo(404);
            assertThat(other.get("/staff/classes/" + id + "/export.csv").statusCode())
                    .isEqualTo(404);
            other.get("/staff/classes");
            assertThat(other.post("/staff/classes/" + id + "/code/reset", Map.of())
                            .statusCode())
                    .isEqualTo(404);
            assertThat(other.post("/staff/classes/" + id + "/archive", Map.of()).statusCode())
                    .isEqualTo(404);
            assertThat(other.post("/staff/classes/" + id + "/assignments", Map.of("module", MODULE))
                            .statusCode())
                    .isEqualTo(404);
            assertThat(other.get("/staff/classes").asString()).doesNotContain("Mine");
        }
        // A teacher of school B cannot create a class in school A either.
        FormSession b = signIn("teacher.b@class.test");
        b.get("/staff/classes/new");
        Response forged = b.post("/staff/classes", classForm(schoolA, "Sneaky", "8-10"));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.asString()).contains("Choose a school where you teach.");
        assertThat(owner.get("/staff/classes/abc").statusCode()).isEqualTo(404);
        assertThat(owner.get("/staff/classes/" + id).statusCode()).isEqualTo(200);
        assertThat(given().redirects().follow(false).get("/staff/classes/" + id).statusCode())
                .isEqualTo(303);
    }

    @Test
    void resettingTheCodeRetiresTheOldOne() {
        FormSession teacher = signIn("teacher.a@class.test");
        long id = createClass(teacher, classForm(schoolA, "Reset", "11-13"));
        String old = joinCode(id);
        teacher.get("/staff/classes/" + id);
        assertThat(teacher.post("/staff/classes/" + id + "/code/reset", Map.of())
                        .statusCode())
                .isEqualTo(303);
        assertThat(joinCode(id)).isNotEqualTo(old);
        assertThat(join(new FormSession(), old, "Late").asString()).contains("No class has this code.");
        assertThat(join(new FormSession(), joinCode(id), "OnTime").statusCode()).isEqualTo(200);
    }

    @Test
    void aModuleOutsideTheBandNeedsAConfirmation() {
        FormSession teacher = signIn("teacher.a@class.test");
        long id = createClass(teacher, classForm(schoolA, "Little ones", "5-7"));
        teacher.get("/staff/classes/" + id);
        Response warned = teacher.post("/staff/classes/" + id + "/assignments", Map.of("module", MODULE, "dueOn", ""));
        assertThat(warned.statusCode()).isEqualTo(400);
        assertThat(warned.asString()).contains("This module is written for").contains("name=\"confirm\"");
        assertThat(rawCount("select count(*) from class_assignment where classroom_id = ?", id))
                .isZero();
        Response confirmed = teacher.post(
                "/staff/classes/" + id + "/assignments", Map.of("module", MODULE, "dueOn", "", "confirm", "yes"));
        assertThat(confirmed.statusCode()).isEqualTo(303);
        FormSession student = new FormSession();
        join(student, joinCode(id), "Small");
        assertThat(student.get("/my").asString()).contains("href=\"/lessons/" + MODULE + "?band=11-13&amp;lang=en\"");
    }

    @Test
    void csvDefusesFormulas() {
        FormSession teacher = signIn("teacher.a@class.test");
        long id = createClass(teacher, classForm(schoolA, "Formulas", "11-13"));
        teacher.get("/staff/classes/" + id);
        teacher.post("/staff/classes/" + id + "/assignments", Map.of("module", MODULE, "dueOn", ""));
        for (String nick : List.of("=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "a,b")) {
            assertThat(join(new FormSession(), joinCode(id), nick).statusCode())
                    .as(nick)
                    .isEqualTo(200);
        }
        String csv = teacher.get("/staff/classes/" + id + "/export.csv").asString();
        assertThat(csv)
                .contains("\r\n\"'=HYPERLINK(\"\"x\"\")\",")
                .contains("\r\n'+1,")
                .contains("\r\n'-2,")
                .contains("\r\n'@SUM(A1),")
                .contains("\r\n\"a,b\",");
        assertThat(io.haven.web.Csv.defuse("\t=1")).isEqualTo("'\t=1");
        assertThat(io.haven.web.Csv.defuse("Mina")).isEqualTo("Mina");
    }

    @Test
    void archivingDeletesSeatsProgressAndAnswers() {
        FormSession teacher = signIn("teacher.a@class.test");
        long id = createClass(teacher, classForm(schoolA, "Leaving", "11-13"));
        teacher.get("/staff/classes/" + id);
        teacher.post("/staff/classes/" + id + "/assignments", Map.of("module", MODULE, "dueOn", ""));
        FormSession student = new FormSession();
        join(student, joinCode(id), "Gone");
        student.get("/lessons/" + MODULE + "?band=11-13&lang=en");
        student.post("/lessons/" + MODULE + "/quiz", answers(lesson().quiz(), true));
        long seat = rawCount("select max(id) from class_seat where classroom_id = ?", id);
        assertThat(rawCount("select count(*) from class_progress where seat_id = ?", seat))
                .isEqualTo(1);
        assertThat(rawCount("select count(*) from class_answer where seat_id = ?", seat))
                .isEqualTo(lesson().quiz().size());

        // the class page's button only leads to a confirmation page that says what goes; nothing is deleted yet
        String classPage = teacher.get("/staff/classes/" + id).asString();
        assertThat(classPage)
                .contains("class=\"button button-danger\" href=\"/staff/classes/" + id + "/archive\"")
                .doesNotContain("<form method=\"post\" action=\"/staff/classes/" + id + "/archive\"");
        Response confirm = teacher.get("/staff/classes/" + id + "/archive");
        assertThat(confirm.statusCode()).isEqualTo(200);
        int answers = lesson().quiz().size() + 1; // the answers and the lesson result
        assertThat(confirm.asString())
                .contains("Archive this class?")
                .contains("1 student seats")
                .contains(answers + " recorded answers and results")
                .contains("class=\"button-danger\"")
                .contains("action=\"/staff/classes/" + id + "/archive\"");
        assertThat(rawCount("select count(*) from class_seat where classroom_id = ?", id))
                .isEqualTo(1);
        Response archived = teacher.post("/staff/classes/" + id + "/archive", Map.of());
        assertThat(archived.statusCode()).isEqualTo(303);
        assertThat(archived.header("Location")).endsWith("/staff/classes");
        assertThat(rawCount("select count(*) from class_seat where classroom_id = ?", id))
                .isZero();
        assertThat(rawCount("select count(*) from class_progress where seat_id = ?", seat))
                .isZero();
        assertThat(rawCount("select count(*) from class_answer where seat_id = ?", seat))
                .isZero();
        assertThat(teacher.get("/staff/classes/" + id).statusCode()).isEqualTo(404);
        assertThat(student.get("/my").asString()).contains("You are not in a class");
        assertThat(student.cookies).doesNotContainKey(SeatCookie.NAME);
        assertThat(join(new FormSession(), joinCode(id), "Again").asString()).contains("No class has this code.");
    }

    @Test
    void aSeatCookieNeverReachesAReport() throws SQLException {
        schools.refresh();
        FormSession teacher = signIn("teacher.a@class.test");
        long id = createClass(teacher, classForm(schoolA, "Reporters", "11-13"));
        FormSession student = new FormSession();
        join(student, joinCode(id), "Witness");
        String seatCookie = student.cookies.get(SeatCookie.NAME);
        long seat = Long.parseLong(seatCookie.substring(0, seatCookie.indexOf('.')));

        student.get("/report");
        Map<String, Object> f = new HashMap<>();
        f.put("school", "class-a");
        f.put("category", "intimate-image");
        f.put("affected", "friend");
        f.put("where", "A group chat");
        f.put("when", "Yesterday");
        f.put("body", "Seat test " + System.nanoTime());
        f.put("dangerNow", "no");
        f.put("contact", "");
        f.put("website", "");
        Response sent = student.post("/report", f);
        assertThat(sent.statusCode()).as(sent.asString()).isEqualTo(200);
        assertThat(sent.getHeaders().getValues("Set-Cookie")).noneMatch(c -> c.contains(SeatCookie.NAME));

        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select * from report_case where school_id = ? order by id desc")) {
            ps.setLong(1, schoolA);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                java.sql.ResultSetMetaData meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnName(i).toLowerCase();
                    assertThat(column)
                            .doesNotContain("seat")
                            .doesNotContain("class")
                            .doesNotContain("nickname");
                    String value = rs.getString(i);
                    if (value != null) {
                        assertThat(value).doesNotContain("Witness").doesNotContain(seatCookie);
                    }
                }
            }
        }
        assertThat(seat).isPositive();
    }

    List<java.time.Instant> rawTimes(String sql, Object param) {
        List<java.time.Instant> out = new java.util.ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getTimestamp(1).toInstant());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    long rawCount(String sql, Object param) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
