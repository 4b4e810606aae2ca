package io.haven.guide;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.haven.lesson.ContentCatalogue;
import io.haven.lesson.Lesson;
import io.haven.lesson.TeacherGuide;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.web.Band;
import io.haven.web.FormSession;
import io.haven.web.Language;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Teacher's guides for signed-in staff, beside the lesson's own prompts and questions; the lesson page
 * links to the guide only for a browser with a staff session, and the page students get stays the same.
 * The fixture guide (src/test/content) is as long as a guide may be.
 */
@QuarkusTest
class GuidePagesTest {

    static final String MODULE = "test-english-only";
    static final String GUIDE = "/staff/guides/" + MODULE + "?band=14-18";

    @Inject
    ContentCatalogue content;

    @Inject
    StaffFixtures staff;

    @AfterEach
    void reset() {
        staff.reset();
    }

    private FormSession teacher() {
        return staff.signedIn(staff.account(staff.school("en"), false, Role.TEACHER));
    }

    private Lesson lesson() {
        return content.curriculum()
                .module(MODULE)
                .orElseThrow()
                .lesson(Band.AGES_14_18, Language.EN)
                .orElseThrow();
    }

    private TeacherGuide guide() {
        return content.curriculum()
                .module(MODULE)
                .orElseThrow()
                .guide(Band.AGES_14_18, Language.EN)
                .orElseThrow();
    }

    @Test
    void signedOutVisitorsAreSentToSignIn() {
        given().redirects()
                .follow(false)
                .get(GUIDE)
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/staff/login"));
        given().redirects().follow(false).get("/staff/guides").then().statusCode(303);
    }

    @Test
    void aTeacherSeesTheLessonsPromptsAndQuestionsBesideTheGuide() throws IOException {
        Response r = teacher().get(GUIDE);
        assertThat(r.statusCode()).isEqualTo(200);
        String html = r.asString();
        Lesson l = lesson();
        TeacherGuide g = guide();
        assertThat(html)
                .contains("Teacher&#39;s guide: Only in English")
                .contains("Ages 14-18 · lesson plan of 45 minutes")
                .contains(esc(g.timing().get(0).step()))
                .contains(esc(g.groundRules().get(0)))
                .contains(esc(g.say().get(0)))
                .contains(esc(g.avoid().get(1)))
                .contains(esc(g.tell()))
                .contains(esc(g.support().get(0)))
                .contains(esc(g.stretch().get(0)))
                .contains("Keep the tone calm");
        for (int i = 0; i < l.discussion().size(); i++) {
            assertThat(html)
                    .contains(esc(l.discussion().get(i)))
                    .contains(esc(g.goodAnswers().get(i)));
        }
        // The correct answer from the lesson, and a misconception for every wrong choice, in the choices' order.
        var q5 = l.quiz().get(4);
        assertThat(html)
                .contains("Correct answer: <strong>" + esc(q5.choices().get(q5.answer())) + "</strong>")
                .contains(esc(q5.explanation()));
        String wrongs = html.substring(html.indexOf(esc(q5.text())));
        assertThat(wrongs.indexOf(esc(q5.choices().get(0))))
                .isLessThan(wrongs.indexOf(esc(q5.choices().get(1))));
        assertThat(html)
                .contains("<em>" + esc(q5.choices().get(3)) + "</em>: "
                        + esc(g.answerKey().get(4).wrong().get(2).misconception()));
        // Saved for the print check (docs/browser-checks.md: headless print to PDF, two A4 pages at most).
        Path out = Path.of("target/guide-print/guide.html");
        Files.createDirectories(out.getParent());
        Files.writeString(
                out,
                html.replace("href=\"/static/haven.css\"", "href=\"../classes/META-INF/resources/static/haven.css\""));
    }

    @Test
    void theGuideIsInTheStaffMembersLanguageAndSaysWhenItFallsBackToEnglish() {
        FormSession t = teacher();
        String html = t.get(GUIDE + "&lang=ko").asString();
        assertThat(html)
                .contains("<html lang=\"ko\">")
                .contains("교사용 지도서: Only in English")
                .contains("이 지도서는 아직 한국어로 번역되지 않아 영어로 보여 드립니다.")
                .contains("<article class=\"guide\" lang=\"en\">");
        assertThat(t.get("/staff/guides?lang=fr").asString())
                .contains("Guides de l&#39;enseignant")
                .contains("href=\"" + GUIDE.replace("&", "&amp;") + "\"");
    }

    @Test
    void unknownModuleOrAnAccountWithoutAnyRoleIsNotFound() {
        FormSession t = teacher();
        assertThat(t.get("/staff/guides/no-such-module?band=11-13").statusCode())
                .isEqualTo(404);
        FormSession noRole = staff.signedIn(staff.account(staff.school("en"), false));
        assertThat(noRole.get(GUIDE).statusCode()).isEqualTo(404);
    }

    @Test
    void theLessonPageLinksToTheGuideOnlyForStaffAndStudentsKeepTheCachedPage() {
        String lessonPath = "/lessons/" + MODULE + "?band=14-18&lang=en";
        String link = "href=\"" + GUIDE.replace("&", "&amp;") + "\"";
        String before = given().get(lessonPath).asString();
        assertThat(before).doesNotContain(link).doesNotContain("Teacher&#39;s guide");
        FormSession t = teacher();
        String staffPage = t.get(lessonPath).asString();
        assertThat(staffPage).contains(link).contains("Teacher&#39;s guide for this lesson");
        // The page students get afterwards is still the one without the link.
        String after = given().get(lessonPath).asString();
        assertThat(after).doesNotContain(link);
        assertThat(strip(after)).isEqualTo(strip(before));
        assertThat(t.get(GUIDE).statusCode()).isEqualTo(200);
    }

    @Test
    void theLessonPageLooksForTheStaffSessionCookieByItsName() throws Exception {
        var f = io.haven.lesson.LessonResource.class.getDeclaredField("STAFF_COOKIE");
        f.setAccessible(true);
        assertThat(f.get(null)).isEqualTo(io.haven.staff.StaffSession.COOKIE);
    }

    @Test
    void thePrintStylesheetKeepsTheGuideToTheContentAndA4() {
        String css = given().get("/static/haven.css").asString();
        String print = css.substring(css.indexOf("/* Teacher's guides"));
        assertThat(print)
                .contains("@media print")
                .contains("size:A4")
                .contains(".no-print,.skip-link,.staff-bar{display:none}")
                .contains("body:has(.guide) .site-header{display:none}");
    }

    /** The page without the per-reader CSRF token. */
    private static String strip(String html) {
        return html.replaceAll("value=\"[A-Za-z0-9_-]{20,}\"", "value=\"\"");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }
}
