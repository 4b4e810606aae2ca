package io.haven.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Nu HTML Checker (the engine behind validator.w3.org/nu) finds no error in the pages students read,
 * over plain HTTP so it runs even where no browser is installed. Every page type in every language is
 * checked in a browser by {@code io.haven.browser.EveryPageTest}.
 */
@QuarkusTest
public class HtmlValidityTest {

    public static List<String> errorsIn(String html, String systemId) throws Exception {
        return HtmlChecker.errorsIn(html, systemId);
    }

    @Test
    void theCheckerReportsBrokenMarkup() throws Exception {
        // So a checker that silently checks nothing cannot make the page tests pass.
        assertThat(errorsIn(
                        "<!DOCTYPE html><html lang=en><head><title>t</title></head><body><p><div>x</p>"
                                + "<img src=a.png></body></html>",
                        "broken"))
                .isNotEmpty();
        assertThat(errorsIn(
                        "<!DOCTYPE html><html lang=en><head><title>t</title></head><body><p>x</p></body></html>",
                        "fine"))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/?lang=en",
                "/lessons/if-it-happens?band=11-13&lang=en",
                "/law?lang=en",
                "/help?lang=en",
                "/report?lang=en",
                "/no-such-page?lang=en"
            })
    void pageHasNoHtmlErrors(String path) throws Exception {
        String html = given().redirects().follow(true).get(path).asString();
        List<String> errors = errorsIn(html, path);
        if (!errors.isEmpty()) {
            fail(errors.size() + " HTML error(s) in " + path + ":\n" + String.join("\n", errors));
        }
    }
}
