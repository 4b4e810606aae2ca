package io.haven.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.report.ReportResource;
import io.haven.school.SchoolDirectory;
import io.haven.school.TestSchools;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.support.ui.Select;

/**
 * The reporting channel clicked through in a real browser: form (with its error summary), receipt,
 * the "I have saved it" step, follow-up with a reply, and the privacy page; axe finds nothing on each.
 */
@QuarkusTest
class ReportPagesAccessibilityTest {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @Inject
    SchoolDirectory schools;

    @Inject
    ReportResource reports;

    @BeforeEach
    void school() {
        TestSchools.ensure("browser-school", "kr", "ko", "Asia/Seoul");
        schools.refresh();
    }

    private void check(String name, String lang) {
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo(lang);
        browser.assertAccessible();
        browser.screenshots(name + "-" + lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko", "fr"})
    void reportReceiptFollowUpAndReply(String lang) {
        browser.open("/report?lang=" + lang);
        check("report-form", lang);

        browser.follow("form[action^='/report?'] button[type=submit]");
        assertThat(browser.find(".error-summary").isDisplayed()).isTrue();
        check("report-form-errors", lang);

        new Select(browser.find("#school")).selectByValue("browser-school");
        browser.click("#category-bullying").click("#affected-me").click("#dangerNow-no");
        browser.find("#body").sendKeys("Someone keeps posting edited pictures of me.");
        browser.follow("form[action^='/report?'] button[type=submit]");
        String receipt = browser.find(".receipt strong").getText();
        assertThat(receipt).matches("\\d{4} \\d{4} \\d{4} \\d{4}");
        check("report-receipt", lang);

        browser.follow("form[action^='/report/saved'] button[type=submit]");
        assertThat(browser.driver().getPageSource()).doesNotContain(receipt);
        check("report-saved", lang);

        browser.open("/report/follow-up?lang=" + lang);
        check("report-followup-form", lang);
        browser.find("#receipt").sendKeys(receipt);
        browser.follow("form[action^='/report/follow-up?'] button[type=submit]");
        browser.find("#message").sendKeys("It happened again today.");
        browser.follow("form[action^='/report/follow-up/reply'] button[type=submit]");
        assertThat(browser.find(".conversation").getText()).contains("It happened again today.");
        check("report-followup", lang);
        reports.clearLimitsForTests();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko", "fr"})
    void privacyPage(String lang) {
        browser.open("/report/privacy?lang=" + lang);
        check("report-privacy", lang);
    }
}
