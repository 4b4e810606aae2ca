package io.haven.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The harness itself: axe really runs, and a failure names the rule, its help and the offending element. */
class AxeTest {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @Test
    void aBrokenPageFailsWithAnActionableReport() {
        String page = "<!DOCTYPE html><html><head><title>t</title></head><body><main><h1>t</h1>"
                + "<a id=\"empty-link\" href=\"#x\"></a></main></body></html>";
        browser.driver()
                .get("data:text/html;charset=utf-8,"
                        + URLEncoder.encode(page, StandardCharsets.UTF_8).replace("+", "%20"));
        assertThatThrownBy(browser::assertAccessible)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("html-has-lang")
                .hasMessageContaining("<html> element must have a lang attribute")
                .hasMessageContaining("link-name")
                .hasMessageContaining("#empty-link")
                .hasMessageContaining("<a id=\"empty-link\" href=\"#x\"></a>");
    }

    @Test
    void aSoundPagePasses() {
        String page = "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><main><h1>Fine</h1>"
                + "<p><a href=\"#x\">A named link</a></p></main></body></html>";
        browser.driver()
                .get("data:text/html;charset=utf-8,"
                        + URLEncoder.encode(page, StandardCharsets.UTF_8).replace("+", "%20"));
        browser.assertAccessible();
        assertThat(Axe.analyze(browser.driver()).getPasses()).isNotEmpty();
    }
}
