package io.haven.browser;

import static io.haven.browser.Pages.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.haven.lesson.ContentCatalogue;
import io.haven.lesson.Lesson;
import io.haven.lesson.QuizQuestion;
import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.web.Band;
import io.haven.web.Language;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;

/** Staff work clicked through in a real browser, as a handler and as a teacher would do it. */
@QuarkusTest
class StaffFlowTest {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @Inject
    StaffFixtures staff;

    @Inject
    SchoolDirectory schools;

    @Inject
    ContentCatalogue content;

    @Inject
    Pages pages;

    @AfterEach
    void reset() {
        pages.reset();
    }

    /** Clicks and waits for the next document (see Browser#follow). */
    private static void follow(String css) {
        browser.follow(css);
    }

    private void signIn(StaffFixtures.Account a) {
        browser.open("/staff/login?lang=en");
        browser.find("#email").sendKeys(a.email());
        browser.find("#password").sendKeys(PASSWORD);
        follow("form[action='/staff/login'] button[type=submit]");
        if (a.secret() != null) {
            assertThat(browser.currentPath()).startsWith("/staff/second-factor");
            browser.find("#code").sendKeys(staff.freshCode(a));
            follow("form[action='/staff/second-factor'] button[type=submit]");
        }
        assertThat(browser.currentPath()).startsWith("/staff");
        assertThat(browser.currentPath())
                .doesNotStartWith("/staff/second-factor")
                .doesNotStartWith("/staff/login");
    }

    private long school() {
        long school = staff.school("en");
        schools.refresh();
        return school;
    }

    @Test
    void handlerOpensTheCaseFromTheListAndWritesToTheReporter() {
        long school = school();
        StaffFixtures.Account handler = staff.account(school, true, Role.HANDLER);
        String slug = QuarkusTransaction.requiringNew().call(() -> School.<School>findById(school).slug);
        long caseId = Pages.report(slug);

        signIn(handler);
        browser.open("/staff/cases?lang=en");
        follow("a[href='/staff/cases/" + caseId + "']");
        assertThat(browser.currentPath()).startsWith("/staff/cases/" + caseId);
        assertThat(browser.find("main").getText()).contains("Someone keeps posting edited pictures of me.");

        String answer = "Thank you for telling us. We are looking into it " + System.nanoTime();
        browser.find("#message").sendKeys(answer);
        follow("form[action='/staff/cases/" + caseId + "/messages'] button[type=submit]");
        assertThat(browser.currentPath()).startsWith("/staff/cases/" + caseId);
        assertThat(browser.find(".conversation").getText()).contains(answer);
        // back at the section the form was in, with the flash message there
        assertThat(browser.driver().getCurrentUrl()).endsWith("#conversation");
        assertThat(browser.find("#conversation .flash").getText()).isNotBlank();
        // at 1280 px the case page has two columns: the report and conversation beside the handling forms
        org.openqa.selenium.Rectangle left = browser.find(".case-main").getRect();
        org.openqa.selenium.Rectangle right = browser.find(".case-side").getRect();
        assertThat(right.getX()).isGreaterThanOrEqualTo(left.getX() + left.getWidth());
        assertThat(Math.abs(right.getY() - left.getY())).isLessThan(5);
        // the staff header: staff sections, no student navigation
        assertThat(browser.findAll(".staff-nav a[href='/staff/cases']")).hasSize(1);
        assertThat(browser.findAll(".main-nav")).isEmpty();
        browser.assertAccessible();
    }

    @Test
    void teacherCreatesAClassAStudentJoinsAndCompletesTheAssignedLesson() {
        long school = school();
        StaffFixtures.Account teacher = staff.account(school, false, Role.TEACHER);
        Lesson lesson = content.curriculum()
                .module(Student.MODULE)
                .orElseThrow()
                .lesson(Band.AGES_11_13, Language.EN)
                .orElseThrow();

        signIn(teacher);
        browser.open("/staff/classes?lang=en");
        follow("a[href='/staff/classes/new']");
        browser.find("#name").sendKeys("Class 8C");
        new Select(browser.find("#school")).selectByValue(String.valueOf(school));
        new Select(browser.find("#band")).selectByValue("11-13");
        new Select(browser.find("#language")).selectByValue("en");
        follow("form[action='/staff/classes'] button[type=submit]");
        assertThat(browser.currentPath()).matches("/staff/classes/\\d+.*");
        String classPath = browser.currentPath().replaceAll("\\?.*", "");
        String code = browser.find(".case-facts dd strong").getText();
        assertThat(code).isNotBlank();

        new Select(browser.find("#module")).selectByValue(Student.MODULE);
        follow("form[action$='/assignments'] button[type=submit]");
        assertThat(browser.currentPath()).startsWith(classPath);

        browser.driver().manage().deleteAllCookies();
        browser.open("/join?lang=en");
        browser.find("#code").sendKeys(code);
        browser.find("#nickname").sendKeys("Nebula");
        follow("form[action$='/join'] button[type=submit]");
        browser.open("/my?lang=en");
        follow("main table a");
        assertThat(browser.find("h1").getText()).isEqualTo(lesson.title());
        for (QuizQuestion q : lesson.quiz()) {
            browser.click("label[for='q-" + q.id() + "-" + q.answer() + "']");
        }
        follow(".quiz button[type=submit]");
        int total = lesson.quiz().size();
        assertThat(browser.findAll(".quiz-results li.right")).hasSize(total);

        browser.driver().manage().deleteAllCookies();
        signIn(teacher);
        browser.open(classPath + "?lang=en");
        String row = browser.find(".class-table tbody tr").getText();
        assertThat(row).contains("Nebula").contains("Completed " + total + "/" + total);
        browser.assertAccessible();

        // the projector page: the class code on one line at 360 px, nothing wider than the screen
        browser.open(classPath + "/code?lang=en").width(360);
        try {
            Object lines = browser.driver()
                    .executeScript("var el = document.querySelector('.join-code');"
                            + "var r = document.createRange(); r.selectNodeContents(el.lastChild);"
                            + "return [r.getClientRects().length, document.documentElement.scrollWidth];");
            java.util.List<?> measured = (java.util.List<?>) lines;
            assertThat(((Number) measured.get(0)).intValue())
                    .as("lines of the class code")
                    .isEqualTo(1);
            assertThat(((Number) measured.get(1)).intValue()).as("page width").isLessThanOrEqualTo(360);
        } finally {
            browser.defaultWidth();
        }
    }
}
