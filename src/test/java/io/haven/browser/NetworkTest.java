package io.haven.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What pages ask the network for: nothing from another origin (no CDN, font or tracker can learn that
 * a pupil opened a page about abuse), and a lesson small enough for a slow school connection.
 */
@QuarkusTest
class NetworkTest {

    /** Document, stylesheet and script of a lesson page together, uncompressed. */
    static final long LESSON_BUDGET_BYTES = 60_000;

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript().recordingRequests();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/?lang=en",
                "/?band=11-13&lang=ko",
                "/lessons/if-it-happens?band=11-13&lang=fr",
                "/lessons/if-it-happens?band=5-7&lang=ko",
                "/lessons/the-law?band=14-18",
                "/law",
                "/help"
            })
    void pagesRequestNothingFromAnotherOrigin(String path) {
        browser.open(path);
        List<String> urls = browser.requestedUrls();
        assertThat(urls)
                .contains(
                        browser.origin() + path,
                        browser.origin() + "/static/haven.css",
                        browser.origin() + "/static/haven.js");
        assertThat(urls).allSatisfy(u -> assertThat(u).startsWith(browser.origin() + "/"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void lessonPageWeighsUnderBudget() {
        browser.open("/lessons/if-it-happens?band=14-18");
        Map<String, Long> sizes = new TreeMap<>();
        List<List<Object>> entries = (List<List<Object>>) browser.driver()
                .executeScript(
                        "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                                + ".map(e => [e.name, e.decodedBodySize]);");
        entries.forEach(e -> sizes.put((String) e.get(0), ((Number) e.get(1)).longValue()));
        String origin = browser.origin();
        // The browser may also ask for /favicon.ico on its own; the page itself loads only these three.
        sizes.keySet().removeIf(url -> url.equals(origin + "/favicon.ico"));
        assertThat(sizes)
                .containsOnlyKeys(
                        origin + "/lessons/if-it-happens?band=14-18",
                        origin + "/static/haven.css",
                        origin + "/static/haven.js",
                        origin + "/static/logo.svg");
        assertThat(sizes.values()).allSatisfy(size -> assertThat(size).isPositive());
        long total = sizes.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("Lesson page weight (uncompressed): %d bytes %s%n", total, sizes);
        assertThat(total).as("HTML + CSS + JS of a lesson, bytes: " + sizes).isLessThan(LESSON_BUDGET_BYTES);
    }
}
