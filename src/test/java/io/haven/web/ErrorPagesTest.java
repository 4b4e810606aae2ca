package io.haven.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ErrorPagesTest {

    @Test
    void notFoundInTheVisitorsLanguage() {
        given().get("/no/such/page?lang=ko")
                .then()
                .statusCode(404)
                .body(containsString("페이지를 찾을 수 없어요"), containsString("<html lang=\"ko\">"));
        given().header("Accept-Language", "fr")
                .get("/no/such/page")
                .then()
                .statusCode(404)
                .body(containsString("Page introuvable"));
        given().get("/static/missing.css").then().statusCode(404);
    }

    @Test
    void malformedIdsAndUnknownSchoolsAre404NotErrors() {
        given().get("/lessons/%3Cscript%3E").then().statusCode(404).body(containsString("Page not found"));
        given().get("/s/no-such-school/lessons").then().statusCode(404).body(containsString("Page not found"));
        given().get("/lessons/..%2F..%2Fetc").then().statusCode(404);
    }

    @Test
    void otherClientErrorsGetAPageInTheLanguage() {
        given().contentType("application/x-www-form-urlencoded")
                .post("/law?lang=fr")
                .then()
                .statusCode(405)
                .body(containsString("Cette demande pose un problème"), containsString("405"));
    }

    @Test
    void serverErrorShowsAnIdThatIsInTheLogAndNoStackTrace() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(String.valueOf(r.getMessage()) + " " + java.util.Arrays.toString(r.getParameters()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(ErrorPages.class.getName());
        log.addHandler(capture);
        try {
            String html = given().get("/test-only/boom?lang=en")
                    .then()
                    .statusCode(500)
                    .body(
                            containsString("Sorry, something went wrong"),
                            containsString("In danger right now?"),
                            containsString("href=\"tel:"),
                            not(containsString("secret internal detail")),
                            not(containsString("IllegalStateException")),
                            not(containsString("at io.haven")))
                    .extract()
                    .asString();
            Matcher m = Pattern.compile("<code class=\"error-id\">([0-9a-f]{12})</code>")
                    .matcher(html);
            assertThat(m.find()).isTrue();
            assertThat(logged).anyMatch(line -> line.contains(m.group(1)));
        } finally {
            log.removeHandler(capture);
        }
    }
}
