package io.haven.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.report.Affected;
import io.haven.report.CaseStatus;
import io.haven.report.Category;
import io.haven.report.Outcome;
import io.haven.report.ReportCase;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.web.Clock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The statistics pages of a school administrator and of a district administrator in a real browser: axe finds nothing. */
@QuarkusTest
class StatsAccessibilityTest {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @Inject
    StaffFixtures staff;

    @Inject
    Clock clock;

    @AfterEach
    void reset() {
        staff.reset();
    }

    private void signIn(StaffFixtures.Account a, String lang) {
        browser.driver().manage().deleteAllCookies();
        browser.open("/staff/login?lang=" + lang);
        browser.find("#email").sendKeys(a.email());
        browser.find("#password").sendKeys(StaffPagesAccessibilityTest.PASSWORD);
        browser.follow("form[action='/staff/login'] button[type=submit]");
        browser.find("#code").sendKeys(staff.freshCode(a));
        browser.follow("form[action='/staff/second-factor'] button[type=submit]");
        assertThat(browser.currentPath()).startsWith("/staff");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko", "fr"})
    void statisticsPages(String lang) {
        long school = staff.school(lang);
        Instant t = clock.now().minus(Duration.ofDays(40));
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 7; i++) {
                ReportCase c = new ReportCase();
                c.schoolId = school;
                c.category = Category.BULLYING;
                c.affected = Affected.ME;
                c.status = CaseStatus.CLOSED;
                c.receiptHash = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
                c.language = lang;
                c.createdAt = t;
                c.acknowledgeBy = t;
                c.reviewBy = t;
                c.updatedAt = t;
                c.acknowledgedAt = t.plus(Duration.ofHours(i + 1));
                c.closedAt = t.plus(Duration.ofDays(i + 1));
                c.outcome = Outcome.RESOLVED;
                c.persist();
            }
        });

        signIn(staff.account(school, true, Role.ADMIN), lang);
        browser.open("/staff/admin/stats?school=" + school + "&lang=" + lang);
        assertThat(browser.find("svg.stats-chart").getAttribute("role")).isEqualTo("img");
        browser.assertAccessible();
        browser.screenshots("staff-stats-" + lang);
        browser.open("/staff/admin/stats?school=" + school + "&months=5&lang=" + lang);
        browser.assertAccessible();

        signIn(staff.account(null, true, Role.DISTRICT_ADMIN), lang);
        browser.open("/staff/district/stats?months=3&lang=" + lang);
        browser.assertAccessible();
        browser.screenshots("district-stats-" + lang);
    }
}
