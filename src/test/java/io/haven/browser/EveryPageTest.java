package io.haven.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.Rule;
import io.haven.browser.PageTypes.PageType;
import io.haven.web.HtmlChecker;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every page type of {@link PageTypes}, in English, Korean and French, in a real browser: the HTML as
 * the server sent it has no Nu HTML Checker (vnu) error, axe finds no WCAG 2.2 A/AA violation (nor a
 * best-practice one), and the page reflows at 360 px; screenshots at 360 and 1280 px land in
 * {@code target/screenshots/<page>-<lang>-<width>.png}. The results of the run are written to
 * {@code target/browser-checks.md}, the table docs/browser-checks.md is kept from.
 */
@QuarkusTest
class EveryPageTest {

    static final List<String> LANGUAGES = List.of("en", "ko", "fr");

    static final Path TABLE = Path.of("target", "browser-checks.md");

    /** Per page type, per language: "vnu result | axe result". Filled as the tests run, in order. */
    static final Map<PageType, Map<String, String[]>> RESULTS = new LinkedHashMap<>();

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript().recordingRequests();

    @Inject
    Pages pages;

    /**
     * All of {@link PageTypes#ALL}, or only the page types named in {@code -Dbrowser.pages=a,b}
     * (for a quick look at the pages one is working on).
     */
    static Stream<Arguments> everyPageInEveryLanguage() {
        String only = System.getProperty("browser.pages", "").strip();
        List<String> names = only.isEmpty() ? List.of() : List.of(only.split("\\s*,\\s*"));
        List<PageType> chosen = PageTypes.ALL.stream()
                .filter(p -> names.isEmpty() || names.contains(p.name()))
                .toList();
        if (chosen.isEmpty() || chosen.size() < names.size()) {
            throw new IllegalArgumentException(
                    "-Dbrowser.pages=" + only + " names page types that do not exist; " + "known: " + PageTypes.ALL);
        }
        return chosen.stream().flatMap(p -> LANGUAGES.stream().map(l -> Arguments.of(p, l)));
    }

    @AfterEach
    void reset() {
        pages.reset();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyPageInEveryLanguage")
    void validAccessibleAndReflows(PageType page, String lang) throws Exception {
        try {
            page.reach().reach(pages.on(browser), lang);
        } catch (RuntimeException | AssertionError e) {
            String failed = "**not reached**";
            RESULTS.computeIfAbsent(page, p -> new LinkedHashMap<>())
                    .put(lang, new String[] {failed, failed, failed, "?"});
            throw e;
        }
        Browser.Document document = browser.lastDocument();
        String shownLang = browser.find("html").getAttribute("lang");

        List<String> htmlErrors = HtmlChecker.errorsIn(document.html(), document.url());
        List<Rule> violations = Axe.analyze(browser.driver()).getViolations();
        String reflow = null;
        try {
            browser.screenshots(page.name() + "-" + lang);
        } catch (AssertionError e) {
            reflow = e.getMessage();
        }
        RESULTS.computeIfAbsent(page, p -> new LinkedHashMap<>()).put(lang, new String[] {
            htmlErrors.isEmpty() ? "0 errors" : "**" + htmlErrors.size() + " error(s)**",
            violations.isEmpty() ? "0 violations" : "**" + violations.size() + " rule(s) broken**",
            reflow == null ? "yes" : "**no**",
            String.valueOf(document.status())
        });

        List<String> problems = new ArrayList<>();
        if (document.status() != page.status()) {
            problems.add(
                    "HTTP " + document.status() + " where " + page.status() + " was expected, from " + document.url());
        }
        if (!lang.equals(shownLang)) {
            problems.add("<html lang=\"" + shownLang + "\"> where the page was asked for in " + lang);
        }
        if (!htmlErrors.isEmpty()) {
            problems.add(htmlErrors.size() + " HTML error(s) (Nu HTML Checker) in " + document.url() + ":\n  "
                    + String.join("\n  ", htmlErrors));
        }
        if (!violations.isEmpty()) {
            problems.add(Axe.report(browser.driver().getCurrentUrl(), violations));
        }
        if (reflow != null) {
            problems.add(reflow);
        }
        if (!problems.isEmpty()) {
            fail(page.name() + " in " + lang + " (" + page.template() + "):\n" + String.join("\n\n", problems));
        }
        assertThat(document.html()).as("the document checked").contains("<html");
    }

    /** The table of this run, for docs/browser-checks.md. */
    @AfterAll
    static void writeTable() throws IOException {
        if (RESULTS.isEmpty()) {
            return;
        }
        StringBuilder md = new StringBuilder(
                "| Page type | Template | HTTP | vnu en | vnu ko | vnu fr | axe en | axe ko | axe fr |"
                        + " fits 360 px (en/ko/fr) | Screenshots |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        RESULTS.forEach((page, byLang) -> {
            md.append("| ")
                    .append(page.name())
                    .append(" | ")
                    .append(page.template())
                    .append(" | ")
                    .append(String.join(
                            "/",
                            LANGUAGES.stream()
                                    .map(l -> cell(byLang, l, 3))
                                    .distinct()
                                    .toList()));
            for (int i = 0; i < 2; i++) {
                for (String lang : LANGUAGES) {
                    md.append(" | ").append(cell(byLang, lang, i));
                }
            }
            md.append(" | ")
                    .append(String.join(
                            "/", LANGUAGES.stream().map(l -> cell(byLang, l, 2)).toList()));
            md.append(" | `target/screenshots/").append(page.name()).append("-{en,ko,fr}-{360,1280}.png` |\n");
        });
        Files.createDirectories(TABLE.getParent());
        Files.writeString(TABLE, md);
    }

    private static String cell(Map<String, String[]> byLang, String lang, int column) {
        String[] r = byLang.get(lang);
        return r == null ? "not run" : r[column];
    }
}
