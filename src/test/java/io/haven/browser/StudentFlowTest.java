package io.haven.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.lesson.ContentCatalogue;
import io.haven.lesson.LessonMsg;
import io.haven.web.HavenConfig;
import io.haven.web.StudentMsg;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
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

    @Inject
    @Localized("en")
    StudentMsg en;

    @Inject
    @Localized("ko")
    StudentMsg koStudent;

    @Inject
    Pages pages;

    @AfterEach
    void reset() {
        browser.resetViewport();
        pages.reset();
    }

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
        assertThat(URI.create(browser.driver().getCurrentUrl()).getHost())
                .isEqualTo(URI.create(config.quickExitUrl()).getHost())
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
        new Actions(browser.driver())
                .keyDown(Keys.SHIFT)
                .keyUp(Keys.SHIFT)
                .keyDown(Keys.SHIFT)
                .sendKeys("a")
                .keyUp(Keys.SHIFT)
                .keyDown(Keys.SHIFT)
                .keyUp(Keys.SHIFT)
                .perform();
        // Leaving blanks the page at once, before the next page loads: the lesson still showing means it stayed.
        assertThat(browser.findAll("main h1")).hasSize(1);
        assertThat(browser.currentPath()).startsWith("/lessons/" + Student.MODULE);
    }

    @Test
    void onAPhoneTheHeaderIsOneShortRowAndTheQuickExitStaysInViewWhileReading() {
        browser.viewport(360, 640, true);
        // French has the longest labels.
        browser.open("/lessons/" + Student.MODULE + "?band=11-13&lang=fr");
        double header = browser.number("return document.querySelector('.page-header').getBoundingClientRect().height");
        assertThat(header).as("header height at 360 px").isLessThan(640 * 0.20);
        for (String css : new String[] {".brand", ".report-link", ".menu summary", "[data-quick-exit]"}) {
            assertThat(browser.number("return document.querySelector(\"" + css + "\").getBoundingClientRect().bottom"))
                    .as(css + " in the one header row")
                    .isLessThanOrEqualTo(header);
        }
        // The keyboard hint means nothing on a touch screen.
        assertThat(browser.find(".quick-exit-hint").isDisplayed()).isFalse();
        // Deep in a long lesson, the quick exit is still on screen.
        browser.number("window.scrollTo(0, document.body.scrollHeight * 0.8); return window.scrollY");
        assertThat(browser.number("return window.scrollY")).isGreaterThan(2000);
        double top = browser.number("return document.querySelector('[data-quick-exit]').getBoundingClientRect().top");
        assertThat(top).as("quick exit's top after scrolling").isBetween(0.0, 60.0);
        // The menu opens without leaving the page and holds the languages and age bands.
        browser.click(".menu summary");
        assertThat(browser.find(".switches a[hreflang=ko]").isDisplayed()).isTrue();
        assertThat(browser.find(".menu-nav a[href='/lessons']").isDisplayed()).isTrue();
        browser.resetViewport();
        // A wide screen shows the sections in the row itself, and the keyboard hint where there is a mouse
        // (headless Chromium may report no hovering pointer at all: then the hint stays hidden too).
        browser.viewport(1280, 800, false);
        browser.open("/lessons/" + Student.MODULE + "?band=11-13&lang=en");
        boolean mouse = Boolean.TRUE.equals(
                browser.driver().executeScript("return matchMedia('(hover: hover) and (pointer: fine)').matches"));
        assertThat(browser.find(".quick-exit-hint").isDisplayed()).isEqualTo(mouse);
        assertThat(browser.find(".main-nav a[href='/lessons']").isDisplayed()).isTrue();
    }

    @Test
    void choosingAnAgeBandLandsOnThatBandsLessonsAndMarksTheCard() {
        browser.viewport(360, 640, true);
        browser.open("/?lang=en");
        browser.follow(".band-cards a[href*='band=11-13']");
        assertThat(browser.currentPath()).endsWith("#band-lessons");
        assertThat(browser.find(".band-cards a[aria-current]").getAttribute("href"))
                .contains("band=11-13");
        assertThat(browser.findAll(".band-cards a[aria-current]")).hasSize(1);
        assertThat(browser.find(".showing-band").getText()).isEqualTo(en.showing_band("11-13"));
        // The band's lessons are on the first screen, not below the four cards.
        double top = browser.number("return document.getElementById('band-lessons').getBoundingClientRect().top");
        assertThat(top).isBetween(0.0, 320.0);
    }

    @Test
    void anIncompleteQuizFocusesTheErrorSummaryAtTheTopAndTheTitleSaysError() {
        browser.open("/lessons/" + Student.MODULE + "?band=11-13&lang=ko");
        browser.follow(".quiz button[type=submit]");
        assertThat(browser.driver().getTitle()).startsWith(koStudent.error_title_prefix() + " ");
        assertThat(browser.number("return document.activeElement.classList.contains('error-summary') ? 1 : 0"))
                .isEqualTo(1);
        // At the top of the page: before the lesson, on the first screen.
        assertThat(browser.number(
                        "return document.querySelector('.error-summary').getBoundingClientRect().top + window.scrollY"))
                .isLessThan(400);
        assertThat(browser.number("return document.querySelector('.error-summary').compareDocumentPosition("
                        + "document.querySelector('article.lesson')) & Node.DOCUMENT_POSITION_FOLLOWING"))
                .isPositive();
    }

    @Test
    void theReceiptFitsAPhoneOnOneLineWithACopyButtonAndSaysWhenToCheckBack() {
        browser.viewport(360, 640, true);
        pages.on(browser).fileReport("ko");
        assertThat(browser.number("return document.querySelector('.receipt strong').getClientRects().length"))
                .isEqualTo(1);
        assertThat(browser.number("var p = document.querySelector('.receipt'); return p.scrollWidth - p.clientWidth"))
                .isLessThanOrEqualTo(0);
        assertThat(browser.find("[data-copy]").isDisplayed())
                .as("copy button, shown by haven.js")
                .isTrue();
        assertThat(browser.find(".next-steps a[href$='/report/follow-up']").isDisplayed())
                .isTrue();
        assertThat(browser.find(".next-steps").getText())
                .contains(koStudent.receipt_read_by("").strip().substring(0, 5));
        // Korean wraps between words, never inside one.
        assertThat(browser.driver()
                        .executeScript("return getComputedStyle(document.querySelector('main p')).wordBreak"))
                .isEqualTo("keep-all");
    }

    @Test
    void theYoungestLessonTellsItsStoryInPicturesAndCanBeReadAloud() {
        browser.open("/lessons/if-it-happens?band=5-7&lang=en");
        assertThat(browser.findAll(".story-picture svg[role=img][aria-label]")).hasSize(4);
        assertThat(browser.find("details.teacher-material").getAttribute("open"))
                .isNull();
        assertThat(browser.findAll(".help-panel")).isEmpty();
        assertThat(browser.find(".grown-up").isDisplayed()).isTrue();
        assertThat(browser.number(
                        "return parseFloat(getComputedStyle(document.querySelector('.lesson-body p')).fontSize)"))
                .as("larger type")
                .isGreaterThanOrEqualTo(19);
        // Read aloud: offered where the browser can speak (headless Chromium has the interface).
        boolean speaks = Boolean.TRUE.equals(browser.driver().executeScript("return 'speechSynthesis' in window"));
        assertThat(browser.find("[data-read-aloud]").isDisplayed()).isEqualTo(speaks);
        browser.assertAccessible();
    }

    private void awaitExit() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.urlToBe(config.quickExitUrl()));
    }
}
