package io.haven.casework;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.report.Affected;
import io.haven.report.CaseStatus;
import io.haven.report.Category;
import io.haven.report.Outcome;
import io.haven.report.ReportCase;
import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.web.Clock;
import io.haven.web.FormSession;
import io.haven.web.Language;
import io.haven.web.Messages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Statistics for school and district administrators: counts per month and category with small counts
 * suppressed (and totals that would give them away withheld), medians, outcomes and the misuse rate,
 * months in the school's time zone, and who may see them.
 */
@QuarkusTest
class StatisticsTest {

    static final String FEWER = "fewer than 5";
    static final String WITHHELD = "not shown (would reveal a small count)";
    static final String NOT_ENOUGH = "not enough cases to show";
    static final int BULLYING = Category.BULLYING.ordinal();
    static final int TOTAL = Category.values().length;
    static final String SEXTORTION = "Sextortion";

    @Inject
    StaffFixtures staff;

    @Inject
    Clock clock;

    @Inject
    Statistics statistics;

    @Inject
    SchoolDirectory schools;

    @AfterEach
    void reset() {
        staff.reset();
    }

    // --- fixtures ---

    /** {@code n} cases of a category created at {@code created}, acknowledged and closed after the given times (null: not yet). */
    static void cases(
            long school, int n, Category category, Instant created, Duration ack, Duration close, Outcome outcome) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < n; i++) {
                ReportCase c = new ReportCase();
                c.schoolId = school;
                c.category = category;
                c.affected = Affected.ME;
                c.status = close != null ? CaseStatus.CLOSED : ack != null ? CaseStatus.ACKNOWLEDGED : CaseStatus.NEW;
                c.receiptHash = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
                c.number = ReportCase.nextNumber(school);
                c.createdAt = created;
                c.acknowledgeBy = created.plus(category.acknowledgeWithin);
                c.reviewBy = created.plus(category.reviewWithin);
                c.updatedAt = created;
                c.acknowledgedAt = ack == null ? null : created.plus(ack);
                c.closedAt = close == null ? null : created.plus(close);
                c.outcome = outcome;
                c.persist();
            }
        });
    }

    static void cases(long school, int n, Category category, Instant created) {
        cases(school, n, category, created, null, null, null);
    }

    ZoneId zone(long school) {
        return ZoneId.of(QuarkusTransaction.requiringNew().call(() -> School.<School>findById(school).timeZone));
    }

    /** Noon on the 10th of the month {@code back} months ago, in the school's zone. */
    Instant monthsAgo(long school, int back) {
        ZoneId z = zone(school);
        return YearMonth.from(clock.now().atZone(z))
                .minusMonths(back)
                .atDay(10)
                .atTime(LocalTime.NOON)
                .atZone(z)
                .toInstant();
    }

    static String label(YearMonth m) {
        return DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH).format(m);
    }

    YearMonth month(long school, int back) {
        return YearMonth.from(clock.now().atZone(zone(school))).minusMonths(back);
    }

    /** The data cells of the table row headed {@code header}, as text, in the given part of a page. */
    static List<String> row(String html, String header) {
        Matcher m = Pattern.compile(
                        "<tr><th scope=\"row\">" + Pattern.quote(header) + "</th>(.*?)</tr>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("row " + header).isTrue();
        List<String> cells = new ArrayList<>();
        Matcher td = Pattern.compile("<td>(.*?)</td>", Pattern.DOTALL).matcher(m.group(1));
        while (td.find()) {
            cells.add(td.group(1).replaceAll("<[^>]*>", "").strip());
        }
        return cells;
    }

    /** The part of the district page about one school. */
    static String section(String html, long school) {
        int from = html.indexOf("<h2 id=\"school-" + school + "-figures\">");
        assertThat(from).as("section of school " + school).isNotNegative();
        int to = html.indexOf("<h2 id=\"school-", from + 10);
        return html.substring(from, to < 0 ? html.length() : to);
    }

    /** The district view of one school: counts below 5 stay suppressed there (the school's own page is exact). */
    String suppressed(FormSession district, long school) {
        return section(district.get("/staff/district/stats?school=" + school).asString(), school);
    }

    // --- tests ---

    @Test
    void countsBelowFiveAreNotShownAndNeitherAreTotalsThatWouldGiveThemAway() {
        long school = staff.school("en");
        FormSession admin = staff.signedIn(staff.account(null, true, Role.DISTRICT_ADMIN));
        cases(school, 4, Category.BULLYING, monthsAgo(school, 1));

        List<String> last = row(suppressed(admin, school), label(month(school, 1)));
        assertThat(last.get(BULLYING)).isEqualTo(FEWER);
        assertThat(last).as("0 is a count below 5 too").containsOnly(FEWER);
        assertThat(last).doesNotContain("4");

        cases(school, 1, Category.BULLYING, monthsAgo(school, 1));
        String html = suppressed(admin, school);
        last = row(html, label(month(school, 1)));
        assertThat(last.get(BULLYING)).isEqualTo("5");
        assertThat(last.get(Category.OTHER.ordinal())).isEqualTo(FEWER);
        assertThat(last.get(TOTAL))
                .as("5 plus four suppressed zeros would show them by subtraction")
                .isEqualTo(WITHHELD);
        assertThat(row(html, "Total").get(TOTAL)).isEqualTo(WITHHELD);
        assertThat(html)
                .as("no bar for a withheld total")
                .doesNotContain("<rect class=\"stats-chart-bar\"")
                .doesNotContain("<text class=\"stats-chart-value\"");

        // A month where every category has 5 or more: its total is shown, and drawn.
        for (Category c : Category.values()) {
            cases(school, c == Category.OTHER ? 6 : 5, c, monthsAgo(school, 2));
        }
        html = suppressed(admin, school);
        assertThat(row(html, label(month(school, 2)))).containsExactly("5", "5", "5", "5", "6", "26");
        assertThat(html).contains("<text class=\"stats-chart-value\"").contains(">26</text>");
        assertThat(row(html, "Total").get(BULLYING))
                .as("adds up a suppressed month")
                .isEqualTo(WITHHELD);
    }

    @Test
    void mediansAreComputedFromKnownDurationsAndNeedFiveCases() {
        long school = staff.school("en");
        FormSession admin = staff.signedIn(staff.account(null, true, Role.DISTRICT_ADMIN));
        Instant t = monthsAgo(school, 3);
        for (int h = 1; h <= 5; h++) {
            cases(school, 1, Category.BULLYING, t, Duration.ofHours(h), Duration.ofDays(h), Outcome.RESOLVED);
        }
        cases(school, 4, Category.SEXTORTION, t, Duration.ofMinutes(30), null, null);

        String html = suppressed(admin, school);
        assertThat(row(html, "Bullying")).containsExactly("3 h", "3 days");
        assertThat(row(html, SEXTORTION)).containsExactly(NOT_ENOUGH, NOT_ENOUGH);
        // All nine acknowledged: 30 min ×4, then 1..5 h: the fifth is 1 h. Closed: only the five bullying cases.
        assertThat(row(html, "All categories")).containsExactly("1 h", "3 days");

        cases(school, 1, Category.SEXTORTION, t, Duration.ofMinutes(90), null, null);
        html = suppressed(admin, school);
        assertThat(row(html, SEXTORTION)).containsExactly("30 min", NOT_ENOUGH);
        // An even count (10): the mean of the 5th and 6th, 60 and 90 min, is 75 min, said as 1 h.
        assertThat(row(html, "All categories")).containsExactly("1 h", "3 days");
    }

    @Test
    void outcomesAndMisuseRate() {
        long school = staff.school("en");
        FormSession admin = staff.signedIn(staff.account(null, true, Role.DISTRICT_ADMIN));
        Instant t = monthsAgo(school, 1);
        cases(school, 3, Category.OTHER, t, Duration.ofHours(1), Duration.ofDays(1), Outcome.FALSE_OR_MALICIOUS);
        String html = suppressed(admin, school);
        assertThat(row(html, "False or malicious")).containsExactly(FEWER);
        assertThat(html).contains("Misuse rate:</strong> " + NOT_ENOUGH);

        cases(school, 2, Category.OTHER, t, Duration.ofHours(1), Duration.ofDays(1), Outcome.FALSE_OR_MALICIOUS);
        cases(school, 10, Category.BULLYING, t, Duration.ofHours(1), Duration.ofDays(1), Outcome.RESOLVED);
        cases(school, 5, Category.BULLYING, t, Duration.ofHours(1), Duration.ofDays(1), Outcome.UNSUBSTANTIATED);
        html = suppressed(admin, school);
        assertThat(row(html, "False or malicious")).containsExactly("5");
        assertThat(row(html, "Duplicate")).containsExactly(FEWER);
        assertThat(row(html, "Closed with an outcome"))
                .as("20 minus the shown counts would give duplicates away")
                .containsExactly(WITHHELD);
        assertThat(html).contains("Misuse rate:</strong> " + WITHHELD);

        cases(school, 5, Category.BULLYING, t, Duration.ofHours(1), Duration.ofDays(1), Outcome.DUPLICATE);
        cases(school, 3, Category.BULLYING, t, Duration.ofHours(1), null, null);
        html = suppressed(admin, school);
        assertThat(row(html, "Closed with an outcome")).containsExactly("25");
        assertThat(html).contains("Misuse rate:</strong> <span class=\"stats-misuse\">20.0%</span>");
    }

    @Test
    void monthsFollowTheSchoolsTimeZone() {
        long school = staff.school("en");
        QuarkusTransaction.requiringNew().run(() -> School.<School>findById(school).timeZone = "Asia/Seoul");
        FormSession admin = staff.signedIn(staff.account(school, true, Role.ADMIN));
        YearMonth utcMonth = YearMonth.from(clock.now().atZone(ZoneOffset.UTC)).minusMonths(3);
        // 23:30 UTC on the last day of the month is 08:30 the next morning in Seoul.
        Instant lateNight = utcMonth.atEndOfMonth().atTime(23, 30).toInstant(ZoneOffset.UTC);
        cases(school, 5, Category.BULLYING, lateNight);

        String html = admin.get("/staff/admin/stats?school=" + school).asString();
        assertThat(html).contains("Asia/Seoul");
        assertThat(row(html, label(utcMonth.plusMonths(1))).get(BULLYING)).isEqualTo("5");
        assertThat(row(html, label(utcMonth)).get(BULLYING)).isEqualTo("0");
    }

    @Test
    void periodIsChosenFromTheListAndAnythingElseIsRefused() {
        long school = staff.school("en");
        FormSession admin = staff.signedIn(staff.account(school, true, Role.ADMIN));
        cases(school, 5, Category.BULLYING, monthsAgo(school, 4));

        String three =
                admin.get("/staff/admin/stats?school=" + school + "&months=3").asString();
        assertThat(Pattern.compile("<tr><th scope=\"row\">")
                        .matcher(three.substring(0, three.indexOf("</tbody>")))
                        .results())
                .hasSize(3);
        assertThat(three).doesNotContain(label(month(school, 4))).contains("<option value=\"3\" selected>");
        assertThat(row(
                                admin.get("/staff/admin/stats?school=" + school + "&months=6")
                                        .asString(),
                                label(month(school, 4)))
                        .get(BULLYING))
                .isEqualTo("5");

        for (String bad : List.of("7", "all", "-12", "99999999999")) {
            Response r = admin.get("/staff/admin/stats?school=" + school + "&months=" + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.asString())
                    .contains("Choose a period from the list.")
                    .contains("error-summary")
                    .contains("<option value=\"12\" selected>");
        }
    }

    @Test
    void theSchoolsOwnLeadSeesExactCountsWithShortLabels() {
        long school = staff.school("en");
        FormSession admin = staff.signedIn(staff.account(school, true, Role.ADMIN));
        cases(
                school,
                4,
                Category.BULLYING,
                monthsAgo(school, 1),
                Duration.ofHours(2),
                Duration.ofDays(1),
                Outcome.RESOLVED);
        cases(school, 1, Category.SEXTORTION, monthsAgo(school, 1), Duration.ofHours(1), null, null);
        String html = admin.get("/staff/admin/stats?school=" + school).asString();
        List<String> last = row(html, label(month(school, 1)));
        assertThat(last.get(BULLYING)).isEqualTo("4");
        assertThat(last.get(Category.SEXTORTION.ordinal())).isEqualTo("1");
        assertThat(last.get(TOTAL)).isEqualTo("5");
        assertThat(html).doesNotContain(FEWER).doesNotContain(WITHHELD);
        assertThat(row(html, "Bullying")).containsExactly("2 h", "24 h");
        assertThat(row(html, "Resolved")).containsExactly("4");
        // short staff labels in the table heads, not the children's sentences
        assertThat(html)
                .contains("<th scope=\"col\">Intimate image</th>")
                .doesNotContain("Someone is threatening to share a picture unless they get something");
        // the district view of the same school keeps the suppression
        FormSession district = staff.signedIn(staff.account(null, true, Role.DISTRICT_ADMIN));
        assertThat(row(suppressed(district, school), label(month(school, 1))).get(BULLYING))
                .isEqualTo(FEWER);
    }

    @Test
    void onlyTheSchoolsAdministratorsSeeItsStatistics() {
        long school = staff.school("en");
        long other = staff.school("en");
        StaffFixtures.Account otherAdmin = staff.account(other, true, Role.ADMIN);
        StaffFixtures.Account teacher = staff.account(school, false, Role.TEACHER);
        StaffFixtures.Account handler = staff.account(school, true, Role.HANDLER);
        // the school's handlers lead its casework too: they see its (exact) statistics
        assertThat(staff.signedIn(handler)
                        .get("/staff/admin/stats?school=" + school)
                        .statusCode())
                .isEqualTo(200);
        for (StaffFixtures.Account a : List.of(otherAdmin, teacher)) {
            assertThat(staff.signedIn(a)
                            .get("/staff/admin/stats?school=" + school)
                            .statusCode())
                    .as(a.email())
                    .isEqualTo(404);
        }
        assertThat(staff.signedIn(teacher).get("/staff/admin/stats").statusCode())
                .isEqualTo(404);
        assertThat(staff.signedIn(otherAdmin).get("/staff/admin/stats").asString())
                .contains(QuarkusTransaction.requiringNew().call(() -> School.<School>findById(other).name));
        assertThat(staff.signedIn(otherAdmin).get("/staff/district/stats").statusCode())
                .isEqualTo(404);
        Response anonymous = new FormSession().get("/staff/admin/stats?school=" + school);
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(new FormSession().get("/staff/district/stats").statusCode()).isEqualTo(303);
    }

    @Test
    void districtAdminSeesEverySchoolsFiguresButNoCaseAndNoContent() {
        long a = staff.school("en");
        long b = staff.school("en");
        StaffFixtures.Account district = staff.account(null, true, Role.DISTRICT_ADMIN);
        cases(a, 7, Category.BULLYING, monthsAgo(a, 1), Duration.ofHours(2), null, null);
        cases(b, 3, Category.BULLYING, monthsAgo(b, 1), Duration.ofHours(2), null, null);
        String secret = "Minjun sent the picture to the whole class " + System.nanoTime();
        schools.refresh();
        String slug = QuarkusTransaction.requiringNew().call(() -> School.<School>findById(a).slug);
        CaseworkFlowTest.send(CaseworkFlowTest.report(slug, "bullying", secret));
        long caseId = CaseworkFlowTest.lastCaseId();

        FormSession d = staff.signedIn(district);
        assertThat(d.get("/staff").asString()).contains("href=\"/staff/district/stats\"");
        Response page = d.get("/staff/district/stats");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.asString();
        assertThat(html).as("one school at a time").doesNotContain("<h2 id=\"school-");
        String htmlA = d.get("/staff/district/stats?school=" + a).asString();
        String htmlB = d.get("/staff/district/stats?school=" + b).asString();
        String label = label(YearMonth.from(monthsAgo(a, 1).atZone(zone(a))));
        assertThat(row(section(htmlA, a), label).get(BULLYING)).isEqualTo("7");
        assertThat(row(section(htmlA, a), "Bullying")).containsExactly("2 h", NOT_ENOUGH);
        assertThat(row(section(htmlB, b), label).get(BULLYING)).isEqualTo(FEWER);
        assertThat(row(section(htmlB, b), "Bullying")).containsExactly(NOT_ENOUGH, NOT_ENOUGH);
        String all = htmlA.substring(htmlA.indexOf("<h2 id=\"all-figures\">"), htmlA.indexOf("<h2 id=\"school-"));
        assertThat(row(all, label).get(BULLYING))
                .as("7 + fewer than 5 would give the small one away")
                .isEqualTo(WITHHELD);
        for (String shown : List.of(html, htmlA, htmlB)) {
            assertThat(shown).doesNotContain(secret).doesNotContain("Minjun").doesNotContain("/staff/cases");
        }
        Response unknown = d.get("/staff/district/stats?school=999999999&months=6");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.asString())
                .contains("Choose a school from the list.")
                .contains("value=\"6\" selected");

        assertThat(d.get("/staff/cases/" + caseId).statusCode()).isEqualTo(404);
        assertThat(d.get("/staff/admin/stats?school=" + a).statusCode()).isEqualTo(404);

        FormSession admin = staff.signedIn(staff.account(a, true, Role.ADMIN));
        assertThat(admin.get("/staff").asString()).contains("href=\"/staff/admin/stats?school=" + a + "\"");
        String schoolPage = admin.get("/staff/admin/stats?school=" + a).asString();
        assertThat(schoolPage).doesNotContain(secret).doesNotContain("Minjun").doesNotContain("/staff/cases/");
    }

    @Test
    void schoolsAddUpOnlyWhenEveryPartIsShown() {
        YearMonth m = YearMonth.of(2026, 3);
        Statistics.Raw a = raw(m, 6, 0);
        Statistics.Raw b = raw(m, 10, 0);
        Statistics.Raw small = raw(m, 3, 0);
        var both = statistics
                .figures(List.of(a, b), List.of(m), Language.EN)
                .months()
                .get(0)
                .cells()
                .get(BULLYING);
        assertThat(both).isEqualTo(new Statistics.Count(16, true));
        var withSmall = statistics
                .figures(List.of(a, small), List.of(m), Language.EN)
                .months()
                .get(0)
                .cells()
                .get(BULLYING);
        assertThat(withSmall.shown()).isFalse();
        assertThat(withSmall.isSmall()).isFalse();
        var none = statistics
                .figures(List.of(), List.of(m), Language.EN)
                .months()
                .get(0)
                .cells()
                .get(BULLYING);
        assertThat(none.shown())
                .as("no school: zero, suppressed like any small count")
                .isFalse();
    }

    static Statistics.Raw raw(YearMonth m, long bullying, long other) {
        Statistics.Raw r = new Statistics.Raw();
        Map<Category, Long> cells = new java.util.EnumMap<>(Category.class);
        cells.put(Category.BULLYING, bullying);
        cells.put(Category.OTHER, other);
        r.perMonth.put(m, cells);
        return r;
    }

    @Test
    void humanDurations() {
        var msg = Messages.get(StatsMsg.class, Language.EN);
        assertThat(Statistics.human(Duration.ofMinutes(20), msg)).isEqualTo("20 min");
        assertThat(Statistics.human(Duration.ofHours(5), msg)).isEqualTo("5 h");
        assertThat(Statistics.human(Duration.ofHours(47), msg)).isEqualTo("47 h");
        assertThat(Statistics.human(Duration.ofDays(3), msg)).isEqualTo("3 days");
        assertThat(Statistics.human(Duration.ofHours(5), Messages.get(StatsMsg.class, Language.KO)))
                .isEqualTo("5시간");
    }

    @Test
    void pagesAreValidHtml() throws Exception {
        long school = staff.school("en");
        cases(
                school,
                5,
                Category.BULLYING,
                monthsAgo(school, 1),
                Duration.ofHours(1),
                Duration.ofDays(1),
                Outcome.RESOLVED);
        FormSession admin = staff.signedIn(staff.account(school, true, Role.ADMIN));
        FormSession district = staff.signedIn(staff.account(null, true, Role.DISTRICT_ADMIN));
        for (String lang : List.of("en", "ko", "fr")) {
            assertThat(errorsIn(admin.get("/staff/admin/stats?school=" + school + "&lang=" + lang)
                            .asString()))
                    .as("school page " + lang)
                    .isEmpty();
            assertThat(errorsIn(
                            district.get("/staff/district/stats?lang=" + lang).asString()))
                    .as("district page " + lang)
                    .isEmpty();
        }
    }

    static List<String> errorsIn(String html) throws Exception {
        return io.haven.web.HtmlChecker.errorsIn(html, "stats");
    }
}
