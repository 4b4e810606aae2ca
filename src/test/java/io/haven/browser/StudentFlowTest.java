package io.haven.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.lesson.ContentCatalogue;
import io.haven.web.HavenConfig;
import io.haven.lesson.LessonMsg;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A student's way through the portal in a browser with JavaScript, and both ways out in a hurry. */
@QuarkusTest
@TestProfile(LocalQuickExit.class)
class StudentFlowTest {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @Inject
    ContentCatalogue content;

    @Inject
    @Localized("ko")
    LessonMsg ko;

    @Inject
    HavenConfig config;

    @Test
    void studentPicksKoreanAndTheirAgeReadsALessonAndGetsAScore() {
        Student.picksKoreanReadsALessonAndTakesTheQuiz(browser, content, ko);
        browser.assertAccessible();
        browser.screenshots("flow-quiz-result-ko");
    }

    @Test
    void quickExitLinkLeavesAndTakesThePageOutOfHistory() {
        browser.open("/?lang=en");
        browser.open("/lessons/" + Student.MODULE + "?band=11-13");
        browser.click("[data-quick-exit]");
        awaitExit();
        assertThat(URI.create(browser.driver().getCurrentUrl()).getHost()).isEqualTo(URI.create(config.quickExitUrl()).getHost())
                .isNotEqualTo(URI.create(browser.origin()).getHost());
        // location.replace: going back skips the lesson and lands on the page before it.
        browser.driver().navigate().back();
        assertThat(browser.currentPath()).isEqualTo("/?lang=en");
    }

    @Test
    void pressingShiftThreeTimesLeaves() {
        browser.open("/lessons/" + Student.MODULE + "?band=11-13");
        Actions shift = new Actions(browser.driver());
        for (int i = 0; i < 3; i++) {
            shift.keyDown(Keys.SHIFT).keyUp(Keys.SHIFT);
        }
        shift.perform();
        awaitExit();
    }

    @Test
    void shiftWhileTypingDoesNotLeave() {
        browser.open("/lessons/" + Student.MODULE + "?band=11-13");
        new Actions(browser.driver()).keyDown(Keys.SHIFT).keyUp(Keys.SHIFT).keyDown(Keys.SHIFT).sendKeys("a")
                .keyUp(Keys.SHIFT).keyDown(Keys.SHIFT).keyUp(Keys.SHIFT).perform();
        // Leaving blanks the page at once, before the next page loads: the lesson still showing means it stayed.
        assertThat(browser.findAll("main h1")).hasSize(1);
        assertThat(browser.currentPath()).startsWith("/lessons/" + Student.MODULE);
    }

    private void awaitExit() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(config.quickExitUrl()));
    }
}
