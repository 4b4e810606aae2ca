package io.haven.lesson;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.haven.web.Band;
import io.haven.web.FormSession;
import io.haven.web.Language;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a student sees: pages in each language, band switching, lessons, quizzes, law and help. */
@QuarkusTest
class LessonPagesTest {

    @Inject
    ContentCatalogue content;

    private Lesson lesson(String module, Band band, Language lang) {
        return content.curriculum()
                .module(module)
                .orElseThrow()
                .lesson(band, lang)
                .orElseThrow();
    }

    @jakarta.inject.Inject
    io.haven.web.TokenMac mac;

    String tokenFor(String cookie) {
        return mac.hex("csrf", cookie);
    }

    @Test
    void homeSpeaksEachLanguageAndRemembersTheChoice() {
        given().get("/?lang=ko")
                .then()
                .statusCode(200)
                .body(containsString("<html lang=\"ko\">"), containsString("내 사진의 주인은 나예요"))
                .header("Content-Language", "ko")
                .cookie("haven_lang", "ko");
        given().get("/?lang=fr")
                .then()
                .body(containsString("<html lang=\"fr\">"), containsString("Ton image t’appartient"));
        given().get("/")
                .then()
                .body(containsString("<html lang=\"en\">"), containsString("Pictures of you belong to you"));
    }

    @Test
    void languageComesFromQueryThenCookieThenAcceptLanguage() {
        given().header("Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5")
                .get("/")
                .then()
                .body(containsString("<html lang=\"fr\">"));
        given().header("Accept-Language", "fr")
                .cookie("haven_lang", "ko")
                .get("/")
                .then()
                .body(containsString("<html lang=\"ko\">"));
        given().header("Accept-Language", "fr")
                .cookie("haven_lang", "ko")
                .get("/?lang=en")
                .then()
                .body(containsString("<html lang=\"en\">"));
        given().header("Accept-Language", "de-DE").get("/").then().body(containsString("<html lang=\"en\">"));
    }

    @Test
    void bandSwitchChangesTheCatalogueAndIsRemembered() {
        String young = lesson("my-image-my-choice", Band.AGES_5_7, Language.EN).title();
        String older =
                lesson("deepfakes-and-consent", Band.AGES_14_18, Language.EN).title();
        given().get("/lessons?band=5-7")
                .then()
                .statusCode(200)
                .cookie("haven_band", "5-7")
                .body(containsString(young), not(containsString(older)));
        given().cookie("haven_band", "14-18").get("/lessons").then().body(containsString(older));
        given().get("/lessons")
                .then()
                .body(containsString("Choose your age group to see the lessons written for you."));
    }

    @Test
    void lessonInKoreanForTheChosenBand() {
        Lesson ko = lesson("if-it-happens", Band.AGES_11_13, Language.KO);
        given().get("/lessons/if-it-happens?band=11-13&lang=ko")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body(
                        containsString(ko.title()),
                        containsString(ko.quiz().get(0).text()),
                        containsString("핵심 질문"),
                        containsString("href=\"/report\""));
    }

    @Test
    void aLessonPageServedFromTheCacheCarriesEachReadersOwnTokenAndTheirSettings() {
        String path = "/lessons/my-image-my-choice?band=8-10&lang=ko";
        Lesson ko = lesson("my-image-my-choice", Band.AGES_8_10, Language.KO);
        Response first = given().get(path);
        Response second = given().get(path);
        String a = first.getCookie("haven_csrf");
        String b = second.getCookie("haven_csrf");
        assertThat(a).isNotNull().isNotEqualTo(b);
        // The form token is bound to the reader's own cookie (a keyed hash of it), never the cookie itself.
        assertThat(first.asString())
                .contains("name=\"_csrf\" value=\"" + tokenFor(a) + "\"")
                .doesNotContain(tokenFor(b))
                .doesNotContain(a);
        assertThat(second.asString())
                .contains("name=\"_csrf\" value=\"" + tokenFor(b) + "\"")
                .doesNotContain(tokenFor(a))
                .contains(escape(ko.title()))
                .contains("<html lang=\"ko\">");
        assertThat(second.contentType()).startsWith("text/html");
        assertThat(second.getCookie("haven_band")).isEqualTo("8-10");
        // A browser that already has a token keeps it.
        given().cookie("haven_csrf", a).get(path).then().body(containsString("value=\"" + tokenFor(a) + "\""));
        // The same lesson in another language, band or school is not the cached page.
        given().get("/lessons/my-image-my-choice?band=8-10&lang=fr")
                .then()
                .body(
                        containsString(escape(lesson("my-image-my-choice", Band.AGES_8_10, Language.FR)
                                .title())),
                        containsString("<html lang=\"fr\">"));
        given().cookie("haven_lang", "ko")
                .get("/lessons/my-image-my-choice?band=11-13")
                .then()
                .body(containsString(escape(lesson("my-image-my-choice", Band.AGES_11_13, Language.KO)
                        .title())));
        // The page read from the cache is one a reader can send the quiz from.
        FormSession s = new FormSession();
        s.get(path);
        s.get(path);
        Map<String, Object> form = new HashMap<>();
        form.put("band", "8-10");
        ko.quiz().forEach(q -> form.put(QuizResult.field(q), q.answer()));
        assertThat(s.post("/lessons/my-image-my-choice/quiz", form).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aFlashMessageOrAnUnknownParameterIsNeverServedToTheNextReader() {
        String path = "/lessons/if-it-happens?band=14-18";
        given().cookie("haven_flash", "form_csrf_expired")
                .get(path)
                .then()
                .statusCode(200)
                .body(containsString("class=\"flash\""));
        given().get(path).then().body(not(containsString("class=\"flash\"")));
        given().get(path + "&utm_source=chat").then().statusCode(200).body(containsString("utm_source=chat"));
        given().get(path).then().body(not(containsString("utm_source")));
    }

    @Test
    void lessonWithoutAChosenBandAsksForOne() {
        given().get("/lessons/real-or-made-up")
                .then()
                .statusCode(200)
                .body(
                        containsString("Which age group are you in?"),
                        containsString("href=\"/lessons/real-or-made-up?band=5-7\""));
    }

    @Test
    void bandWithoutAVersionOffersTheNearest() {
        given().get("/lessons/deepfakes-and-consent?band=5-7")
                .then()
                .statusCode(200)
                .body(
                        containsString("This lesson has no version for 5-7 yet."),
                        containsString("href=\"/lessons/deepfakes-and-consent?band=11-13\""),
                        not(containsString(lesson("deepfakes-and-consent", Band.AGES_11_13, Language.EN)
                                .quiz()
                                .get(0)
                                .text())));
    }

    @Test
    void missingTranslationIsSaidInTheReadersLanguageAndEnglishShown() {
        given().get("/lessons/test-english-only?band=14-18&lang=ko")
                .then()
                .statusCode(200)
                .body(
                        containsString("이 수업은 아직 한국어로 번역되지 않아서 영어로 보여 드려요."),
                        containsString("Only in English"),
                        containsString("lang=\"en\""));
    }

    @Test
    void theLawLessonShowsTheJurisdictionsFactsButNoTableForYoungReaders() {
        LawSheet fr = content.curriculum().law().get("fr");
        given().get("/lessons/the-law?band=14-18&jurisdiction=fr")
                .then()
                .statusCode(200)
                .body(containsString(fr.facts().get(0).penalty().in(Language.EN).replace("'", "&#39;")));
        given().get("/lessons/the-law?band=8-10&jurisdiction=fr")
                .then()
                .statusCode(200)
                .body(
                        containsString(fr.summary().in(Language.EN).replace("'", "&#39;")),
                        not(containsString(
                                fr.facts().get(0).penalty().in(Language.EN).replace("'", "&#39;"))));
    }

    @Test
    void unknownModuleIs404() {
        given().get("/lessons/no-such-module?band=11-13").then().statusCode(404).body(containsString("Page not found"));
    }

    @Test
    void quizIsGradedOnTheServerWithAnExplanationPerQuestion() {
        Lesson l = lesson("my-image-my-choice", Band.AGES_11_13, Language.EN);
        FormSession s = new FormSession();
        s.get("/lessons/my-image-my-choice?band=11-13");
        Map<String, Object> form = new HashMap<>();
        form.put("band", "11-13");
        l.quiz().forEach(q -> form.put(QuizResult.field(q), q.answer()));
        QuizQuestion first = l.quiz().get(0);
        form.put(QuizResult.field(first), (first.answer() + 1) % first.choices().size());
        Response r = s.post("/lessons/my-image-my-choice/quiz", form);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        String html = r.asString();
        assertThat(html)
                .contains("You got " + (l.quiz().size() - 1) + " out of "
                        + l.quiz().size() + " right.")
                .contains("Not quite.");
        l.quiz().forEach(q -> assertThat(html).contains(escape(q.explanation())));
    }

    @Test
    void incompleteQuizComesBackWithAnswersKeptAndTheMissingOnesMarked() {
        Lesson l = lesson("real-or-made-up", Band.AGES_8_10, Language.FR);
        FormSession s = new FormSession();
        s.get("/lessons/real-or-made-up?band=8-10&lang=fr");
        QuizQuestion first = l.quiz().get(0);
        Response r = s.post("/lessons/real-or-made-up/quiz", Map.of("band", "8-10", QuizResult.field(first), "1"));
        assertThat(r.statusCode()).isEqualTo(400);
        String html = r.asString();
        assertThat(html)
                .contains("Il y a un problème")
                .contains("La question 2 n’a pas encore de réponse")
                .contains("name=\"q." + first.id() + "\" value=\"1\" checked")
                .contains("id=\"q-" + l.quiz().get(1).id() + "-error\"");
    }

    @Test
    void quizWithoutCsrfTokenComesBackFilledInWithAFreshToken() {
        FormSession s = new FormSession();
        s.get("/lessons/my-image-my-choice?band=5-7");
        String old = s.token();
        Response r = s.postRaw("/lessons/my-image-my-choice/quiz", Map.of("band", "5-7", "q.q1", "0"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString())
                .contains("Nothing was lost: check it and send it again.")
                .contains("name=\"q.q1\" value=\"0\" checked");
        assertThat(s.token()).isNotNull().isNotEqualTo(old);
        assertThat(tokenFor(r.getCookie("haven_csrf"))).isEqualTo(s.token());
    }

    @Test
    void lawPageShowsFactsWithStatuteSourceAndReviewDate() {
        LawSheet fr = content.curriculum().law().get("fr");
        LawFact f = fr.facts().get(0);
        given().get("/law?jurisdiction=fr&lang=fr")
                .then()
                .statusCode(200)
                .body(
                        containsString(f.statute().in(Language.FR).replace("'", "&#39;")),
                        containsString(f.source()),
                        containsString(f.reviewed().toString()),
                        containsString("Lire le texte officiel"))
                .cookie("haven_jurisdiction", "fr");
    }

    @Test
    void helpPageGivesTheEmergencyNumberFirst() {
        String html = given().get("/help?jurisdiction=gb")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        HelpDirectory gb = content.curriculum().help().get("gb");
        assertThat(html).contains("tel:" + gb.emergencyNumber());
        assertThat(html.indexOf("tel:" + gb.emergencyNumber()))
                .isLessThan(html.indexOf(escape(gb.entries().get(0).name().in(Language.EN))));
    }

    @Test
    void helpForYoungReadersPutsAChildrensLineFirstAndLeavesOutAdultOnlyServices() {
        HelpDirectory gb = content.curriculum().help().get("gb");
        HelpEntry adult =
                gb.entries().stream().filter(HelpEntry::isAdultOnly).findFirst().orElseThrow();
        HelpEntry children = gb.entries().stream()
                .filter(HelpEntry::isChildrensLine)
                .findFirst()
                .orElseThrow();
        String young = given().get("/help?jurisdiction=gb&band=5-7")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(young)
                .doesNotContain(escape(adult.name().in(Language.EN)))
                .contains(escape(children.name().in(Language.EN)));
        // The children's line comes before every other service shown.
        for (HelpEntry e : gb.entries()) {
            if (!e.isChildrensLine() && e.serves(Band.AGES_5_7)) {
                assertThat(young.indexOf(escape(children.name().in(Language.EN))))
                        .as(e.id())
                        .isLessThan(young.indexOf(escape(e.name().in(Language.EN))));
            }
        }
        // Older readers see every service for their ages, adult ones included, in the file's order.
        String older = given().get("/help?jurisdiction=gb&band=14-18").asString();
        assertThat(older).contains(escape(adult.name().in(Language.EN)));
        java.util.List<Integer> at = gb.entries().stream()
                .filter(e -> e.serves(Band.AGES_14_18))
                .map(e -> older.indexOf("<h2>" + escape(e.name().in(Language.EN)) + "</h2>"))
                .toList();
        assertThat(at).doesNotContain(-1).isSorted();
        // The youngest lesson has a short "tell a grown-up" panel instead of the help list: the children's line only.
        String page = given().get("/lessons/my-image-my-choice?band=5-7&jurisdiction=gb")
                .asString();
        assertThat(page).doesNotContain("class=\"help-panel\"");
        String panel = page.substring(
                page.indexOf("class=\"grown-up\""), page.indexOf("</section>", page.indexOf("class=\"grown-up\"")));
        assertThat(panel)
                .contains(escape(children.name().in(Language.EN)))
                .doesNotContain(escape(adult.name().in(Language.EN)));
        // An older band's lesson keeps the help panel, and the children's line is its first entry there too.
        panel = given().get("/lessons/my-image-my-choice?band=8-10&jurisdiction=gb")
                .asString();
        panel = panel.substring(panel.indexOf("class=\"help-panel\""));
        assertThat(panel)
                .contains(escape(children.name().in(Language.EN)))
                .doesNotContain(escape(adult.name().in(Language.EN)));
        assertThat(panel.indexOf(escape(children.name().in(Language.EN)))).isLessThan(panel.indexOf("</li>"));
    }

    @Test
    void readAloudIsOfferedToTheTwoYoungerBandsOnlyAndTheYoungestReadsStoryFirst() {
        String young = given().get("/lessons/if-it-happens?band=5-7&lang=ko").asString();
        String middle =
                given().get("/lessons/my-image-my-choice?band=8-10&lang=ko").asString();
        String older =
                given().get("/lessons/my-image-my-choice?band=11-13&lang=ko").asString();
        assertThat(young).contains("data-read-aloud=\"lesson-text\" hidden");
        assertThat(middle).contains("data-read-aloud=\"lesson-text\" hidden");
        assertThat(older).doesNotContain("data-read-aloud");
        // 5-7: the story comes before the teacher's material, which is folded away; pictures carry Korean alt text.
        assertThat(young.indexOf("id=\"lesson-text\"")).isLessThan(young.indexOf("class=\"teacher-material\""));
        assertThat(young)
                .contains("<details class=\"teacher-material\">")
                .contains("class=\"lesson youngest\"")
                .containsPattern("<svg role=\"img\" aria-label=\"[^\"]*[가-힣][^\"]*\"");
        assertThat(older).doesNotContain("teacher-material").doesNotContain("story-picture");
    }

    @Test
    void helpEntriesSayForWhichAgesAndHowTheyWereChecked() {
        HelpDirectory kr = content.curriculum().help().get("kr");
        String html = given().get("/help?jurisdiction=kr&lang=en").asString();
        for (HelpEntry e : kr.entries()) {
            String ages = e.isForEveryone()
                    ? "For everyone"
                    : e.isAdultOnly()
                            ? "For adults (18+)"
                            : e.isUnder()
                                    ? "For under-" + e.getUnderAge() + "s"
                                    : "For ages " + e.minAge() + " to " + e.maxAge();
            assertThat(html).contains(ages);
        }
    }

    @Test
    void defaultJurisdictionIsConfigured() {
        given().get("/help").then().body(containsString("tel:112"));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }
}
