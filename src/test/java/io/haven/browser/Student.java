package io.haven.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.lesson.ContentCatalogue;
import io.haven.lesson.Lesson;
import io.haven.lesson.LessonMsg;
import io.haven.lesson.QuizQuestion;
import io.haven.web.Band;
import io.haven.web.Language;

/** What a Korean-speaking student aged 11-13 does, clicked through as they would, with or without JavaScript. */
final class Student {

    static final String MODULE = "if-it-happens";

    private Student() {}

    static Lesson lesson(ContentCatalogue content) {
        return content.curriculum()
                .module(MODULE)
                .orElseThrow()
                .lesson(Band.AGES_11_13, Language.KO)
                .orElseThrow();
    }

    /** From the English home page: Korean and 11-13 with the header switches, a lesson from the catalogue, its quiz. */
    static void picksKoreanReadsALessonAndTakesTheQuiz(Browser browser, ContentCatalogue content, LessonMsg ko) {
        Lesson lesson = lesson(content);
        browser.open("/");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");

        // Languages and age bands sit in the header's menu, closed until opened (a <details>: no script needed).
        assertThat(browser.find(".switches a[hreflang=ko]").isDisplayed()).isFalse();
        browser.click(".menu summary");
        browser.follow(".switches a[hreflang=ko]");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("ko");
        assertThat(browser.find("h1").getText()).isEqualTo(ko.home_heading());

        browser.click(".menu summary");
        browser.follow(".switches a[href$='band=11-13']");
        assertThat(browser.find(".switches a[href$='band=11-13']").getAttribute("aria-current"))
                .isEqualTo("true");
        assertThat(browser.find("html").getAttribute("lang"))
                .as("the language choice is remembered")
                .isEqualTo("ko");

        browser.follow(".main-nav a[href='/lessons']");
        assertThat(browser.find("h1").getText()).isEqualTo(ko.catalogue_title());
        browser.follow(".module-list a[href='/lessons/" + MODULE + "']");
        assertThat(browser.find("h1").getText()).isEqualTo(lesson.title());
        assertThat(browser.find(".lesson-header .meta").getText()).contains(ko.lesson_band_label("11-13"));

        for (QuizQuestion q : lesson.quiz()) {
            browser.click("label[for='q-" + q.id() + "-" + q.answer() + "']");
        }
        browser.follow(".quiz button[type=submit]");
        int total = lesson.quiz().size();
        assertThat(browser.find("h1").getText()).isEqualTo(ko.quiz_result_title(lesson.title()));
        assertThat(browser.find(".score").getText()).isEqualTo(ko.quiz_score(total, total));
        assertThat(browser.findAll(".quiz-results li.right")).hasSize(total);
    }
}
