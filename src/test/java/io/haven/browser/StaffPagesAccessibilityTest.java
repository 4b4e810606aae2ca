package io.haven.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.report.ReportCase;
import io.haven.report.ReportResource;
import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.support.ui.Select;

/**
 * The staff side in a real browser: signing in through the password and second-factor forms, then
 * the home page, cases, routing and classes; and a student's join and "my" pages. Axe finds nothing.
 */
@QuarkusTest
class StaffPagesAccessibilityTest {

    static final String PASSWORD = "violet kettle harbour 42";

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @Inject
    StaffFixtures staff;

    @Inject
    SchoolDirectory schools;

    @Inject
    ReportResource reports;

    @AfterEach
    void reset() {
        staff.reset();
        reports.clearLimitsForTests();
    }

    private void check(String name, String lang) {
        assertThat(browser.find("html").getAttribute("lang")).as(name).isEqualTo(lang);
        browser.assertAccessible();
        browser.screenshots(name + "-" + lang);
    }

    /**
     * Clicks a submit button and waits for the next page: marks the current window, then waits until a
     * loaded document without the mark is showing (robust where a quick POST-redirect races staleness checks).
     */
    static void submit(String css) {
        browser.follow(css);
    }

    static long report(String slug) {
        Map<String, Object> f = new HashMap<>();
        f.put("school", slug);
        f.put("category", "bullying");
        f.put("affected", "me");
        f.put("where", "");
        f.put("when", "");
        f.put("body", "Someone keeps posting edited pictures of me.");
        f.put("dangerNow", "no");
        f.put("contact", "");
        f.put("website", "");
        FormSession student = new FormSession();
        student.get("/report");
        assertThat(student.post("/report", f).statusCode()).isEqualTo(200);
        return QuarkusTransaction.requiringNew()
                .call(() -> ReportCase.<ReportCase>find("order by id desc").firstResult().id);
    }

    /** Signs in through the real forms, checking the login and second-factor pages on the way. */
    static void signIn(StaffFixtures staff, StaffFixtures.Account a, String lang, boolean check,
            java.util.function.BiConsumer<String, String> checker) {
        browser.open("/staff/login?lang=" + lang);
        if (check) {
            checker.accept("staff-login", lang);
        }
        browser.find("#email").sendKeys(a.email());
        browser.find("#password").sendKeys(PASSWORD);
        submit("form[action='/staff/login'] button[type=submit]");
        assertThat(browser.currentPath()).startsWith("/staff/second-factor");
        if (check) {
            checker.accept("staff-second-factor", lang);
        }
        browser.find("#code").sendKeys(staff.freshCode(a));
        submit("form[action='/staff/second-factor'] button[type=submit]");
        assertThat(browser.currentPath()).startsWith("/staff");
        assertThat(browser.currentPath()).doesNotStartWith("/staff/second-factor").doesNotStartWith("/staff/login");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko", "fr"})
    void staffAndStudentPages(String lang) {
        long school = staff.school(lang);
        StaffFixtures.Account a = staff.account(school, true, Role.HANDLER, Role.ADMIN, Role.TEACHER);
        schools.refresh();
        String slug = QuarkusTransaction.requiringNew().call(() -> School.<School>findById(school).slug);
        long caseId = report(slug);

        signIn(staff, a, lang, true, this::check);
        browser.open("/staff?lang=" + lang);
        check("staff-home", lang);

        browser.open("/staff/cases?lang=" + lang);
        assertThat(browser.find("main").getText()).contains("#" + caseId);
        check("staff-cases", lang);
        browser.open("/staff/cases/" + caseId + "?lang=" + lang);
        check("staff-case", lang);

        browser.open("/staff/admin/routing?school=" + school + "&lang=" + lang);
        check("staff-routing", lang);

        browser.open("/staff/admin/deadlines?school=" + school + "&lang=" + lang);
        check("staff-deadlines", lang);
        browser.find("#retention").clear();
        browser.find("#retention").sendKeys("5");
        submit("form[action='/staff/admin/deadlines'] button[type=submit]");
        assertThat(browser.find("#retention-error").isDisplayed()).isTrue();
        check("staff-deadlines-errors", lang);

        browser.open("/staff/classes/new?lang=" + lang);
        check("staff-class-new", lang);
        browser.find("#name").sendKeys("Class 7B");
        new Select(browser.find("#school")).selectByValue(String.valueOf(school));
        new Select(browser.find("#band")).selectByValue("11-13");
        new Select(browser.find("#language")).selectByValue(lang);
        submit("form[action='/staff/classes'] button[type=submit]");
        assertThat(browser.currentPath()).matches("/staff/classes/\\d+.*");
        String classPath = browser.currentPath().replaceAll("\\?.*", "");
        String code = browser.find(".case-facts dd strong").getText();
        browser.open(classPath + "?lang=" + lang);
        check("staff-class", lang);
        browser.open("/staff/classes?lang=" + lang);
        assertThat(browser.find("main").getText()).contains("Class 7B");
        check("staff-classes", lang);

        browser.driver().manage().deleteAllCookies();
        browser.open("/join?lang=" + lang);
        check("student-join", lang);
        browser.find("#code").sendKeys(code);
        browser.find("#nickname").sendKeys("Comet");
        submit("form[action$='/join'] button[type=submit]");
        browser.open("/my?lang=" + lang);
        assertThat(browser.find("main").getText()).contains("Comet");
        check("student-my", lang);
    }
}
