package io.haven.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
