package io.haven.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.haven.lesson.ContentCatalogue;
import io.haven.lesson.LessonModule;
import io.haven.lesson.TeacherGuide;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.web.Band;
import io.haven.web.FormSession;
import io.haven.web.Language;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The longest guide page of each language, printed by headless Chromium to PDF, fits on two A4 pages.
 * Needs Debian's chromium and poppler-utils (pdfinfo); skipped without them, except in CI.
 */
@QuarkusTest
class GuidePrintTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path PDFINFO = Path.of("/usr/bin/pdfinfo");

    @Inject
    ContentCatalogue content;

    @Inject
    StaffFixtures staff;

    @Test
    void theLongestGuideOfEachLanguagePrintsOnTwoA4Pages() throws Exception {
        boolean tools = Files.isExecutable(CHROMIUM) && Files.isExecutable(PDFINFO);
        assumeTrue(tools || "true".equals(System.getenv("CI")), "chromium and pdfinfo are needed for the print check");
        assertThat(tools).as("chromium and pdfinfo (poppler-utils)").isTrue();
        FormSession teacher = staff.signedIn(staff.account(staff.school("en"), false, Role.TEACHER));
        Path dir = Path.of("target/guide-print").toAbsolutePath();
        Files.createDirectories(dir);
        Path css = Path.of("target/classes/META-INF/resources/static/haven.css").toAbsolutePath();
        for (Language lang : Language.values()) {
            String longest = null;
            String name = null;
            for (LessonModule m : content.curriculum().modules()) {
                for (Band b : m.bands()) {
                    TeacherGuide g = m.guide(b, lang).orElse(null);
                    if (g == null || g.language() != lang) {
                        continue;
                    }
                    String html = teacher.get("/staff/guides/" + m.id() + "?band=" + b.id + "&lang=" + lang.code)
                            .asString();
                    if (longest == null || text(html).length() > text(longest).length()) {
                        longest = html;
                        name = m.id() + "-" + b.id + "." + lang.code;
                    }
                }
            }
            if (longest == null) {
                continue;
            }
            Path html = dir.resolve(name + ".html");
            Path pdf = dir.resolve(name + ".pdf");
            Files.writeString(html, longest.replace("href=\"/static/haven.css\"", "href=\"" + css.toUri() + "\""));
            Process print = new ProcessBuilder(
                            CHROMIUM.toString(),
                            "--headless",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--no-pdf-header-footer",
                            "--print-to-pdf=" + pdf,
                            html.toUri().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve(name + ".log").toFile())
                    .start();
            assertThat(print.waitFor(120, TimeUnit.SECONDS))
                    .as("chromium printed " + name)
                    .isTrue();
            Process info = new ProcessBuilder(PDFINFO.toString(), pdf.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(info.getInputStream().readAllBytes());
            info.waitFor(30, TimeUnit.SECONDS);
            Matcher pages = Pattern.compile("Pages:\\s+(\\d+)").matcher(out);
            assertThat(pages.find()).as(out).isTrue();
            assertThat(out).as(name).contains("(A4)");
            assertThat(Integer.parseInt(pages.group(1)))
                    .as(name + " printed pages")
                    .isBetween(1, 2);
        }
    }

    /** The visible text of the page, roughly: what decides how long it prints. */
    private static String text(String html) {
        return html.replaceAll("(?s)<[^>]*>", "").replaceAll("\\s+", " ");
    }
}
