package io.haven.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.lesson.ContentCatalogue;
import io.haven.lesson.LessonMsg;
import io.haven.web.HavenConfig;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same student with JavaScript switched off in the browser: lessons, quiz, reporting and follow-up all still work. */
@QuarkusTest
@TestProfile(LocalQuickExit.class)
class NoJavaScriptFlowTest {

    @RegisterExtension
    static final Browser browser = Browser.withoutJavaScript();

    @Inject
    ContentCatalogue content;

    @Inject
    @Localized("ko")
    LessonMsg ko;

    @Inject
    HavenConfig config;

    @Inject
    Pages pages;

    @AfterEach
    void reset() {
        pages.reset();
    }

    @Test
    void studentPicksKoreanAndTheirAgeReadsALessonAndGetsAScore() {
        Student.picksKoreanReadsALessonAndTakesTheQuiz(browser, content, ko);
        browser.screenshots("nojs-quiz-result-ko");
    }

    @Test
    void studentReportsSavesTheReceiptFollowsUpAndReplies() {
        // The form, its radios and the school list are plain HTML: no script needed to send it.
        String receipt = pages.on(browser).fileReport("ko");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("ko");
        // Without script there is no copy button (it could not work), and the page still says where to check back.
        assertThat(browser.find("[data-copy]").isDisplayed()).isFalse();
        assertThat(browser.find(".next-steps a[href$='/report/follow-up']").isDisplayed())
                .isTrue();
        pages.submit("/report/saved");
        assertThat(browser.driver().getPageSource()).doesNotContain(receipt);

        pages.open("/report/follow-up").type("#receipt", receipt).submit("/report/follow-up?");
        assertThat(browser.findAll(".conversation")).hasSize(1);
        String reply = "It happened again today " + System.nanoTime();
        pages.type("#message", reply).submit("/report/follow-up/reply");
        assertThat(browser.find(".conversation").getText()).contains(reply);
        // Read again with the receipt, the reply is still there: it was stored, not just echoed.
        pages.open("/report/follow-up").type("#receipt", receipt).submit("/report/follow-up?");
        assertThat(browser.find(".conversation").getText()).contains(reply);
        browser.screenshots("nojs-report-followup-ko");
    }

    @Test
    void readAloudIsNotOfferedWithoutScript() {
        browser.open("/lessons/if-it-happens?band=5-7&lang=fr");
        assertThat(browser.findAll(".story-picture svg")).hasSize(4);
        assertThat(browser.find("[data-read-aloud]").isDisplayed()).isFalse();
        // The teacher's part is folded away but opens without script.
        browser.click("details.teacher-material summary");
        assertThat(browser.find("details.teacher-material .vocabulary").isDisplayed())
                .isTrue();
    }

    @Test
    void quickExitIsAPlainLinkThatStillLeaves() {
        browser.open("/lessons/" + Student.MODULE + "?band=11-13");
        browser.follow("[data-quick-exit]");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(config.quickExitUrl());
        // Without haven.js the link is an ordinary one, so the lesson stays in history. That it does
        // proves this browser really runs no script.
        browser.driver().navigate().back();
        assertThat(browser.currentPath()).isEqualTo("/lessons/" + Student.MODULE + "?band=11-13");
    }

    @Test
    void incompleteQuizComesBackWithTheErrorSummary() {
        browser.open("/lessons/" + Student.MODULE + "?band=11-13&lang=ko");
        browser.follow(".quiz button[type=submit]");
        assertThat(browser.find(".error-summary").isDisplayed()).isTrue();
        assertThat(browser.driver().getTitle()).startsWith("오류: ");
        assertThat(browser.find(".error-summary").getAttribute("autofocus")).isNotNull();
        assertThat(browser.findAll(".error-summary li a"))
                .hasSize(Student.lesson(content).quiz().size());
        browser.click(".error-summary li a");
        assertThat(browser.currentPath())
                .endsWith("#q-" + Student.lesson(content).quiz().get(0).id());
    }
}
