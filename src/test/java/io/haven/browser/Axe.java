package io.haven.browser;

import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core on the page a browser shows, against WCAG 2.0, 2.1 and 2.2 levels A and AA and axe's
 * best-practice rules (landmarks, heading order: what a screen-reader user notices first), and fails
 * with a report that says what to fix: each rule's id, impact, tags and help, and for each offending
 * element its selector, its HTML and axe's summary of what is wrong.
 */
public final class Axe {

    /** The rule sets Haven promises to meet (WCAG 2.2 AA includes what 2.0 and 2.1 A and AA ask). */
    public static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    /** WCAG plus axe's best practices, which are not WCAG failures but are cheap to keep clean. */
    public static final List<String> TAGS =
            Stream.concat(WCAG.stream(), Stream.of("best-practice")).toList();

    private Axe() {}

    public static Results analyze(WebDriver driver) {
        // Legacy mode runs axe once in the page itself; the default opens a blank window and injects
        // axe a second time to merge per-frame results, and Haven's pages have no frames to merge.
        Results results = new AxeBuilder()
                .withTags(TAGS)
                .disableIframeTesting()
                .setLegacyMode(true)
                .analyze(driver);
        if (results.isErrored()) {
            fail("axe could not check " + driver.getCurrentUrl() + ": " + results.getErrorMessage());
        }
        return results;
    }

    public static void assertNoViolations(WebDriver driver) {
        List<Rule> violations = analyze(driver).getViolations();
        if (!violations.isEmpty()) {
            fail(report(driver.getCurrentUrl(), violations));
        }
    }

    static String report(String url, List<Rule> violations) {
        StringBuilder sb = new StringBuilder()
                .append(violations.size())
                .append(" accessibility rule(s) broken on ")
                .append(url)
                .append(" (")
                .append(String.join(", ", TAGS))
                .append("):");
        for (Rule rule : violations) {
            sb.append("\n\n* ")
                    .append(rule.getId())
                    .append(" [")
                    .append(rule.getImpact())
                    .append("] ")
                    .append(rule.getHelp())
                    .append("\n  ")
                    .append(rule.getTags())
                    .append(' ')
                    .append(rule.getHelpUrl());
            for (CheckedNode node : rule.getNodes()) {
                sb.append("\n  - target: ")
                        .append(node.getTarget())
                        .append("\n    html:   ")
                        .append(node.getHtml());
                if (node.getFailureSummary() != null) {
                    sb.append("\n    why:    ").append(node.getFailureSummary().replace("\n", "\n            "));
                }
            }
        }
        return sb.toString();
    }
}
