package io.haven.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** The Nu HTML Checker (the engine behind validator.w3.org/nu) finds no error in the pages students read. */
@QuarkusTest
public class HtmlValidityTest {

    /** Collects errors; warnings and info are left out. */
    static final class Errors implements ErrorHandler {
        final List<String> found = new ArrayList<>();

        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) {
            found.add("line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            error(e);
        }
    }

    public static List<String> errorsIn(String html, String systemId) throws Exception {
        Errors errors = new Errors();
        SimpleDocumentValidator validator = new SimpleDocumentValidator();
        validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", errors);
        validator.setUpValidatorAndParsers(errors, false, false);
        InputSource source = new InputSource(new StringReader(html));
        source.setSystemId(systemId);
        validator.checkHtmlInputSource(source);
        return errors.found;
    }

    @Test
    void theCheckerReportsBrokenMarkup() throws Exception {
        // So a checker that silently checks nothing cannot make the page tests pass.
        assertThat(errorsIn("<!DOCTYPE html><html lang=en><head><title>t</title></head><body><p><div>x</p>"
                + "<img src=a.png></body></html>", "broken")).isNotEmpty();
        assertThat(errorsIn("<!DOCTYPE html><html lang=en><head><title>t</title></head><body><p>x</p></body></html>",
                "fine")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/?lang=en", "/lessons/if-it-happens?band=11-13&lang=en", "/law?lang=en", "/help?lang=en",
            "/report?lang=en", "/no-such-page?lang=en"})
    void pageHasNoHtmlErrors(String path) throws Exception {
        String html = given().redirects().follow(true).get(path).asString();
        List<String> errors = errorsIn(html, path);
        if (!errors.isEmpty()) {
            fail(errors.size() + " HTML error(s) in " + path + ":\n" + String.join("\n", errors));
        }
    }
}
