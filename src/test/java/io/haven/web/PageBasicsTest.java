package io.haven.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What every page carries: favicon, description, a title that says "Error" when a form came back, the logo. */
@QuarkusTest
class PageBasicsTest {

    @Test
    void theFaviconAnswersAndTheLogoIsLinkedAsTheIcon() {
        byte[] ico =
                given().get("/favicon.ico").then().statusCode(200).extract().asByteArray();
        assertThat(ico).startsWith(0, 0, 1, 0);
        String svg = given().get("/static/logo.svg")
                .then()
                .statusCode(200)
                .contentType("image/svg+xml")
                .extract()
                .asString();
        assertThat(svg).startsWith("<svg").contains("viewBox");
        String home = given().get("/?lang=en").asString();
        assertThat(home)
                .contains("<link rel=\"icon\" href=\"/static/logo.svg\" type=\"image/svg+xml\">")
                .contains("<img src=\"/static/logo.svg\" alt=\"\"");
    }

    @Test
    void everyPageHasALocalizedDescriptionAndTheFollowUpLink() {
        for (String lang : new String[] {"en", "ko", "fr"}) {
            for (String path : new String[] {"/", "/lessons", "/report", "/help", "/law", "/join"}) {
                String html = given().get(path + "?lang=" + lang)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
                Matcher m = Pattern.compile("<meta name=\"description\" content=\"([^\"]{40,})\">")
                        .matcher(html);
                assertThat(m.find()).as(path + " " + lang).isTrue();
                // Where to check back on a report: linked from the footer of every page.
                assertThat(html).as(path).contains("<a class=\"follow-up-link\" href=\"/report/follow-up\">");
                assertThat(m.group(1))
                        .as(path + " " + lang)
                        .contains("Haven")
                        .satisfies(d -> assertThat(lang.equals("ko") ? d.matches(".*[가-힣].*") : !d.matches(".*[가-힣].*"))
                                .isTrue());
            }
        }
    }

    @Test
    void aFormThatCameBackWithErrorsSaysSoInItsTitleAndFocusesTheSummary() {
        FormSession s = new FormSession();
        s.get("/report?lang=fr");
        String html = s.post("/report?lang=fr", Map.of("body", ""))
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertThat(title(html)).startsWith("Erreur : ");
        assertThat(html).contains("class=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus");
        // A stale form (its CSRF token no longer accepted) is not sent either: the notice says so, and so does the
        // title.
        FormSession stale = new FormSession();
        stale.get("/report?lang=en");
        String expired = stale.postRaw("/report?lang=en", Map.of("_csrf", "stale", "body", "Kept"))
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertThat(title(expired)).startsWith("Error: ");
        assertThat(expired).contains("class=\"notice\" role=\"alert\" tabindex=\"-1\" autofocus");
        // The same page without errors has a plain title.
        assertThat(title(given().get("/report?lang=fr").asString())).doesNotStartWith("Erreur");
        // The other kind of error summary (message keys) does the same: a staff sign-in with nothing typed.
        FormSession staff = new FormSession();
        staff.get("/staff/login?lang=en");
        String login = staff.post("/staff/login?lang=en", Map.of("email", "", "password", ""))
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertThat(title(login)).startsWith("Error: ");
        assertThat(login).contains("autofocus");
        // A quiz sent with no answer comes back to the lesson page, which says so in its title too; the page
        // itself, read again, does not.
        FormSession quiz = new FormSession();
        quiz.get("/lessons/if-it-happens?band=14-18&lang=ko");
        String incomplete = quiz.post("/lessons/if-it-happens/quiz?lang=ko", Map.of("band", "14-18"))
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertThat(title(incomplete)).startsWith("오류: ");
        assertThat(title(quiz.get("/lessons/if-it-happens?band=14-18&lang=ko").asString()))
                .doesNotStartWith("오류");
    }

    /**
     * The layout does not look for error data by name in every page (each such look-up that misses walks every
     * value resolver, on every page); a page that can come back with form errors says so itself, in its
     * {@code titlePrefix}. This finds a page that shows form errors but would keep a plain title.
     */
    @Test
    void everyPageThatShowsFormErrorsDeclaresItsErrorTitle() throws IOException {
        Path templates = Path.of("src/main/resources/templates");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(templates)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".html") && !f.startsWith(templates.resolve("tags")))
                    .toList()) {
                String t = Files.readString(p);
                if (t.startsWith("{#include")
                        && (t.contains("errors") || t.contains("formFailed"))
                        && !t.contains("{#titlePrefix}{#errorTitle failed=")) {
                    missing.add(templates.relativize(p).toString());
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(Files.readString(templates.resolve("base.html"))).doesNotContain("??");
    }

    @Test
    void theReportFormHasNoTwoLabelsAlike() {
        for (String lang : new String[] {"en", "ko", "fr"}) {
            String html = given().get("/report?lang=" + lang).asString();
            Matcher m = Pattern.compile("<(?:label[^>]*|legend)>([^<]+)<").matcher(html);
            java.util.List<String> labels = new java.util.ArrayList<>();
            while (m.find()) {
                labels.add(m.group(1).strip());
            }
            assertThat(labels).as(lang).hasSizeGreaterThan(5).doesNotHaveDuplicates();
        }
    }

    @Test
    void koreanBreaksBetweenWordsAndBadgesDoNotWrap() {
        String css = given().get("/static/haven.css").asString();
        assertThat(css)
                .contains(":lang(ko){word-break:keep-all;overflow-wrap:anywhere}")
                .containsPattern("\\.badge\\{[^}]*white-space:nowrap");
        for (String name : new String[] {".button{", ".button-secondary{", ".button-danger{", ".button-link,"}) {
            assertThat(css).as(name).contains(name.replace("{", "").replace(",", ""));
        }
    }

    private static String title(String html) {
        Matcher m = Pattern.compile("<title>([^<]*)</title>").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
