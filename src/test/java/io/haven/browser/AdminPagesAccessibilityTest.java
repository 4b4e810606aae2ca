package io.haven.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.school.SchoolDirectory;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.staff.StaffRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** School settings, staff management and the district's schools in a real browser, with and without form errors: axe finds nothing. */
@QuarkusTest
class AdminPagesAccessibilityTest {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @Inject
    StaffFixtures staff;

    @Inject
    SchoolDirectory schools;

    @AfterEach
    void reset() {
        staff.reset();
    }

    private void check(String name, String lang) {
        assertThat(browser.find("html").getAttribute("lang")).as(name).isEqualTo(lang);
        browser.assertAccessible();
        browser.screenshots(name + "-" + lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko", "fr"})
    void adminAndDistrictPages(String lang) {
        long school = staff.school(lang);
        StaffFixtures.Account a = staff.account(school, true, Role.ADMIN, Role.HANDLER);
        StaffFixtures.Account colleague = staff.account(school, true, Role.HANDLER);
        QuarkusTransaction.requiringNew().run(() -> StaffRole.of(a.id(), null, Role.DISTRICT_ADMIN).persist());
        schools.refresh();
        browser.open("/staff/login?lang=" + lang);
        browser.find("#email").sendKeys(a.email());
        browser.find("#password").sendKeys(StaffPagesAccessibilityTest.PASSWORD);
        browser.follow("form[action='/staff/login'] button[type=submit]");
        browser.find("#code").sendKeys(staff.freshCode(a));
        browser.follow("form[action='/staff/second-factor'] button[type=submit]");
        assertThat(browser.currentPath()).isEqualTo("/staff");

        browser.open("/staff/admin/settings?school=" + school + "&lang=" + lang);
        check("admin-settings", lang);
        browser.find("#name").clear();
        browser.find("#timeZone").clear();
        browser.find("#timeZone").sendKeys("Nowhere/Town");
        browser.follow("form[action='/staff/admin/settings'] button[type=submit]");
        assertThat(browser.find(".error-summary").isDisplayed()).isTrue();
        check("admin-settings-errors", lang);

        browser.open("/staff/admin/staff?school=" + school + "&lang=" + lang);
        check("admin-staff", lang);
        browser.open("/staff/admin/staff/" + colleague.id() + "?school=" + school + "&lang=" + lang);
        check("admin-member", lang);
        browser.find("#role-handler").click();
        browser.follow("form[action$='/roles'] button[type=submit]");
        assertThat(browser.find(".error-summary").isDisplayed()).isTrue();
        check("admin-member-errors", lang);

        browser.open("/staff/district/schools?lang=" + lang);
        check("district-schools", lang);
        browser.find("#slug").sendKeys("X");
        browser.follow("form[action='/staff/district/schools'] button[type=submit]");
        assertThat(browser.find(".error-summary").isDisplayed()).isTrue();
        check("district-schools-errors", lang);
    }
}
