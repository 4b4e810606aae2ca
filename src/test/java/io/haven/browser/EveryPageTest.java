package io.haven.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.Rule;
import io.haven.browser.PageTypes.PageType;
import io.haven.web.HtmlChecker;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.json.Json;

/**
 * Every page type of {@link PageTypes}, in English, Korean and French, in a real browser: the HTML as
 * the server sent it has no Nu HTML Checker (vnu) error, axe finds no WCAG 2.2 A/AA violation (nor a
 * best-practice one), and the page reflows at 360 and 1280 px; with {@code -Dbrowser.screenshots=true},
 * screenshots at both widths land in {@code target/screenshots/<page>-<lang>-<width>.png}. The results of
 * the run are written to
 * {@code target/browser-checks.md}, the table docs/browser-checks.md is kept from.
 *
 * <p>The in-process checker is {@code nu.validator:validator} from Maven Central, whose newest release
 * (20.7.2) is years behind the checker validator.w3.org runs and misses errors the current one reports.
 * So each page's HTML is also written to {@code target/browser-checks/html/<page>.<lang>.html}, and when
 * {@code -Dvnu.jar=/path/to/vnu.jar} names the current checker (the npm package {@code vnu-jar}, pinned
 * in {@code .ci/run}), that jar checks the whole folder once after the last page and the class fails on
 * any error it reports. Without the property only the in-process check runs, so the suite still runs
 * where npm is not installed.
 */
@QuarkusTest
class EveryPageTest {

    static final List<String> LANGUAGES = List.of("en", "ko", "fr");

    static final Path TABLE = Path.of("target", "browser-checks.md");

    /** Each page's HTML as the server sent it, for the current checker to read in one run. */
    static final Path HTML = Path.of("target", "browser-checks", "html");

    /** The current checker, a vnu.jar file; blank: only the in-process checker runs. */
    static final String VNU_JAR = System.getProperty("vnu.jar", "").strip();

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

    /** Pages written by an earlier run must not be checked (nor counted) again. */
    @BeforeAll
    static void emptyHtmlFolder() throws IOException {
        Files.createDirectories(HTML);
        try (Stream<Path> old = Files.list(HTML)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
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
        Files.writeString(HTML.resolve(page.name() + "." + lang + ".html"), document.html(), StandardCharsets.UTF_8);
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

    /**
     * The current checker over every page of this run (when {@code -Dvnu.jar} is set), then the table of
     * this run for docs/browser-checks.md; fails last, listing every error the current checker found.
     */
    @AfterAll
    static void checkWithCurrentCheckerAndWriteTable() throws Exception {
        if (RESULTS.isEmpty()) {
            return;
        }
        CurrentChecker current;
        try {
            current = VNU_JAR.isEmpty() ? null : CurrentChecker.run(Path.of(VNU_JAR), HTML);
        } catch (Exception | Error e) {
            writeTable(null); // the per-page results are still worth having
            throw e;
        }
        writeTable(current);
        if (current != null && !current.errors().isEmpty()) {
            fail("The Nu HTML Checker " + current.version() + " (" + VNU_JAR + ") found "
                    + current.errors().size() + " error(s):\n  " + String.join("\n  ", current.errors()));
        }
    }

    /**
     * One run of the current checker over a folder of pages: its version, the number of errors per file
     * name and every error as {@code file line L, column C: message}.
     */
    record CurrentChecker(String version, Map<String, Integer> countByFile, List<String> errors) {

        static CurrentChecker run(Path jar, Path folder) throws IOException, InterruptedException {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("-Dvnu.jar=" + jar + " is not a file");
            }
            List<Path> files;
            try (Stream<Path> listed = Files.list(folder)) {
                files = listed.filter(f -> f.toString().endsWith(".html"))
                        .sorted()
                        .toList();
            }
            Output versionRun = java(jar, List.of("--version"));
            String version = versionRun.out().strip();
            if (versionRun.status() != 0 || version.isEmpty()) {
                throw new IllegalStateException(
                        "-Dvnu.jar=" + jar + " did not say its version:\n" + versionRun.out() + versionRun.err());
            }
            List<String> args = new ArrayList<>(List.of("--format", "json", "--errors-only"));
            files.forEach(f -> args.add(f.toAbsolutePath().toString()));
            // With --format json the report is on standard error; the exit status is 1 when it lists
            // errors, so a failing status with no error listed means the checker itself failed.
            Output check = java(jar, args);
            String report = check.err();
            Map<String, Integer> countByFile = new TreeMap<>();
            files.forEach(f -> countByFile.put(f.getFileName().toString(), 0));
            List<String> errors = new ArrayList<>();
            Map<String, Object> parsed;
            try {
                parsed = new Json().toType(report, Json.MAP_TYPE);
            } catch (RuntimeException e) {
                throw new IllegalStateException("the checker's report is not JSON:\n" + report, e);
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> messages = (List<Map<String, Object>>) parsed.get("messages");
            if (messages == null) {
                throw new IllegalStateException("the checker's report has no messages:\n" + report);
            }
            for (Map<String, Object> m : messages) {
                String type = String.valueOf(m.get("type"));
                if (!type.equals("error") && !type.equals("non-document-error")) {
                    continue;
                }
                String url = String.valueOf(m.get("url"));
                String file = url.substring(url.lastIndexOf('/') + 1);
                countByFile.merge(file, 1, Integer::sum);
                errors.add(file + " line " + m.get("lastLine") + ", column " + m.get("firstColumn") + ": "
                        + m.get("message"));
            }
            if (check.status() != 0 && errors.isEmpty()) {
                throw new IllegalStateException("the checker exited with status " + check.status()
                        + " and listed no error:\n" + check.out() + report);
            }
            return new CurrentChecker(version, countByFile, errors);
        }

        record Output(int status, String out, String err) {}

        /** Runs the jar on the JDK running the tests. */
        private static Output java(Path jar, List<String> args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
            command.addAll(args);
            Path out = Files.createTempFile("vnu", ".out");
            Path err = Files.createTempFile("vnu", ".err");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!process.waitFor(10, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("the checker did not finish in 10 minutes: " + command);
                }
                return new Output(
                        process.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        }

        /** A page in a language: its error count (bold when not 0), or "not run". */
        String cell(PageType page, String lang) {
            Integer n = countByFile.get(page.name() + "." + lang + ".html");
            return n == null ? "not run" : n == 0 ? "0" : "**" + n + "**";
        }
    }

    private static void writeTable(CurrentChecker current) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append(
                current == null
                        ? "vnu: the in-process checker (nu.validator:validator 20.7.2) only; no -Dvnu.jar.\n\n"
                        : "vnu: the in-process checker (nu.validator:validator 20.7.2) per page; vnu "
                                + current.version() + ": the current checker (" + VNU_JAR + "), "
                                + current.errors().size() + " error(s) in "
                                + current.countByFile().size()
                                + " page(s) checked.\n\n");
        md.append("| Page type | Template | HTTP | vnu en | vnu ko | vnu fr | ");
        if (current != null) {
            md.append("vnu ").append(current.version()).append(" errors en/ko/fr | ");
        }
        md.append("axe en | axe ko | axe fr | fits 360 px (en/ko/fr) | Screenshots |\n|---|---|---|---|---|---|");
        md.append(current != null ? "---|" : "").append("---|---|---|---|---|\n");
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
            for (String lang : LANGUAGES) {
                md.append(" | ").append(cell(byLang, lang, 0));
            }
            if (current != null) {
                md.append(" | ")
                        .append(String.join(
                                "/",
                                LANGUAGES.stream()
                                        .map(l -> current.cell(page, l))
                                        .toList()));
            }
            for (String lang : LANGUAGES) {
                md.append(" | ").append(cell(byLang, lang, 1));
            }
            md.append(" | ")
                    .append(String.join(
                            "/", LANGUAGES.stream().map(l -> cell(byLang, l, 2)).toList()));
            md.append(
                    Browser.savingScreenshots()
                            ? " | `target/screenshots/" + page.name() + "-{en,ko,fr}-{360,1280}.png` |\n"
                            : " | with `-Dbrowser.screenshots=true` |\n");
        });
        Files.createDirectories(TABLE.getParent());
        Files.writeString(TABLE, md);
    }

    private static String cell(Map<String, String[]> byLang, String lang, int column) {
        String[] r = byLang.get(lang);
        return r == null ? "not run" : r[column];
    }
}
