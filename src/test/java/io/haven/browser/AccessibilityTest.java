package io.haven.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.lesson.Band;
import io.haven.lesson.ContentCatalogue;
import io.haven.lesson.Lesson;
import io.haven.lesson.QuizQuestion;
import io.haven.web.Language;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.WebElement;

/**
 * axe finds nothing against WCAG 2.2 AA on each kind of public page, in each language, and every
 * page reflows to a phone's width. Each page is also photographed at 360 and 1280 px for review.
 */
@QuarkusTest
class AccessibilityTest {

    static final String LESSON = "if-it-happens";

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @Inject
    ContentCatalogue content;

    private void check(String name, String lang) {
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo(lang);
        browser.assertAccessible();
        browser.screenshots(name + "-" + lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko", "fr"})
    void homeBeforeABandIsChosen(String lang) {
        browser.open("/?lang=" + lang);
        assertThat(browser.findAll(".module-list")).isEmpty();
        check("home", lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko", "fr"})
    void homeWithABand(String lang) {
        browser.open("/?band=11-13&lang=" + lang);
        assertThat(browser.findAll(".module-list li")).isNotEmpty();
        check("home-band", lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko", "fr"})
    void catalogue(String lang) {
        browser.open("/lessons?band=11-13&lang=" + lang);
        assertThat(browser.findAll(".module-list li")).isNotEmpty();
        check("catalogue", lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko", "fr"})
    void lessonPage(String lang) {
        browser.open("/lessons/" + LESSON + "?band=11-13&lang=" + lang);
        assertThat(browser.find("h1").getText()).isEqualTo(lesson(lang).title());
        check("lesson", lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko", "fr"})
    void quizResultReachedByAnsweringTheQuiz(String lang) {
        Lesson lesson = lesson(lang);
        browser.open("/lessons/" + LESSON + "?band=11-13&lang=" + lang);
        // One wrong answer, so the page shows both a right and a wrong result.
        List<QuizQuestion> quiz = lesson.quiz();
        for (int i = 0; i < quiz.size(); i++) {
            QuizQuestion q = quiz.get(i);
            int choice = i == 0 ? (q.answer() + 1) % q.choices().size() : q.answer();
            browser.click("#q-" + q.id() + "-" + choice);
        }
        browser.follow(".quiz button[type=submit]");
        assertThat(browser.find(".score").getText()).contains(String.valueOf(quiz.size() - 1));
        assertThat(browser.findAll(".quiz-results li.wrong")).hasSize(1);
        check("quiz-result", lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko", "fr"})
    void incompleteQuizShowsTheErrorSummary(String lang) {
        Lesson lesson = lesson(lang);
        browser.open("/lessons/" + LESSON + "?band=11-13&lang=" + lang);
        QuizQuestion first = lesson.quiz().get(0);
        browser.click("#q-" + first.id() + "-" + first.answer());
        browser.follow(".quiz button[type=submit]");
        WebElement summary = browser.find(".error-summary");
        assertThat(summary.isDisplayed()).isTrue();
        assertThat(summary.findElements(org.openqa.selenium.By.cssSelector("li a"))).hasSize(lesson.quiz().size() - 1);
        assertThat(browser.find("#q-" + first.id() + "-" + first.answer()).isSelected()).isTrue();
        check("quiz-incomplete", lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko", "fr"})
    void law(String lang) {
        browser.open("/law?lang=" + lang);
        assertThat(browser.findAll(".fact")).isNotEmpty();
        check("law", lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko", "fr"})
    void help(String lang) {
        browser.open("/help?lang=" + lang);
        assertThat(browser.findAll(".help-list li")).isNotEmpty();
        check("help", lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko", "fr"})
    void notFound(String lang) {
        browser.open("/no-such-page?lang=" + lang);
        assertThat(browser.find("h1").getText()).isNotBlank();
        check("not-found", lang);
    }

    private Lesson lesson(String lang) {
        return content.curriculum().module(LESSON).orElseThrow()
                .lesson(Band.AGES_11_13, Language.of(lang).orElseThrow()).orElseThrow();
    }
}
