package io.haven.casework;

import static io.haven.casework.StatisticsTest.BULLYING;
import static io.haven.casework.StatisticsTest.cases;
import static io.haven.casework.StatisticsTest.label;
import static io.haven.casework.StatisticsTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.haven.report.Category;
import io.haven.school.School;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.staff.StaffFixtures.Account;
import io.haven.web.Clock;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The statistics pages with a freshness window: figures are served as computed until the window has
 * passed, then the first view starts one recomputation in the background and a later view shows it;
 * ended months are counted once; each school's figures are its own.
 */
@QuarkusTest
class StatsCacheTest {

    @Inject
    StaffFixtures staff;

    @Inject
    Clock clock;

    @Inject
    Statistics statistics;

    @Inject
    StatsCache cache;

    @AfterEach
    void reset() {
        cache.freshForTests(Duration.ZERO);
        clock.reset();
        staff.reset();
    }

    ZoneId zone(long school) {
        return ZoneId.of(QuarkusTransaction.requiringNew().call(() -> School.<School>findById(school).timeZone));
    }

    YearMonth month(long school, int back) {
        return YearMonth.from(clock.now().atZone(zone(school))).minusMonths(back);
    }

    Instant tenth(long school, int back) {
        return month(school, back)
                .atDay(10)
                .atTime(LocalTime.NOON)
                .atZone(zone(school))
                .toInstant();
    }

    /**
     * Keeps the test clear of a month's end: the window passing must not start a new month, and last month
     * must have ended more than {@link Statistics#SETTLED} ago.
     */
    void notNearMonthEnd(long school) {
        ZoneId z = zone(school);
        Instant now = clock.now();
        YearMonth m = YearMonth.from(now.atZone(z));
        if (!YearMonth.from(now.plus(Duration.ofMinutes(15)).atZone(z)).equals(m)
                || now.isBefore(Statistics.start(m, z).plus(Statistics.SETTLED).plus(Duration.ofMinutes(5)))) {
            clock.advance(Duration.ofMinutes(30));
        }
    }

    String bullying(FormSession admin, long school, int back) {
        String html = admin.get("/staff/admin/stats?school=" + school).asString();
        return row(html, label(month(school, back))).get(BULLYING);
    }

    @Test
    void aNewCaseShowsOnlyAfterTheWindowAndTheRecomputationItsFirstViewStarts() throws InterruptedException {
        long school = staff.school("en");
        notNearMonthEnd(school);
        Account lead = staff.account(school, true, Role.ADMIN);
        FormSession admin = staff.signedIn(lead);
        cache.freshForTests(Duration.ofMinutes(5));
        cases(school, 5, Category.BULLYING, tenth(school, 2));
        cases(school, 2, Category.BULLYING, clock.now());

        long queries = statistics.monthQueries();
        String html = admin.get("/staff/admin/stats?school=" + school).asString();
        assertThat(html).contains("Figures as of ").contains("They are recomputed once they are more than 5 min old");
        assertThat(row(html, label(month(school, 0))).get(BULLYING)).isEqualTo("2");
        assertThat(row(html, label(month(school, 2))).get(BULLYING)).isEqualTo("5");
        assertThat(statistics.monthQueries() - queries)
                .as("the first view counts all 12 months")
                .isEqualTo(12);

        cases(school, 1, Category.BULLYING, clock.now());
        assertThat(bullying(admin, school, 0)).as("within the window").isEqualTo("2");
        assertThat(statistics.monthQueries() - queries)
                .as("nothing counted again")
                .isEqualTo(12);

        clock.advance(Duration.ofMinutes(6));
        assertThat(bullying(admin, school, 0))
                .as("the first view after the window still gets the older figures")
                .isEqualTo("2");
        String now = "2";
        for (int i = 0; i < 200 && now.equals("2"); i++) {
            Thread.sleep(50);
            now = bullying(admin, school, 0);
        }
        assertThat(now).as("a later view gets the recomputed figures").isEqualTo("3");
        assertThat(statistics.monthQueries() - queries)
                .as("the recomputation counts only the month not yet ended")
                .isEqualTo(13);
    }

    @Test
    void eachSchoolHasItsOwnFigures() {
        long one = staff.school("en");
        long other = staff.school("en");
        cache.freshForTests(Duration.ofMinutes(5));
        cases(one, 5, Category.BULLYING, tenth(one, 1));
        cases(other, 7, Category.BULLYING, tenth(other, 1));
        List<YearMonth> range = Statistics.months(month(one, 0), 12);

        StatsCache.Snapshot first = cache.read(one, zone(one), range);
        StatsCache.Snapshot second = cache.read(other, zone(other), range);
        assertThat(first.raw().perMonth.get(month(one, 1)).get(Category.BULLYING))
                .isEqualTo(5L);
        assertThat(second.raw().perMonth.get(month(other, 1)).get(Category.BULLYING))
                .isEqualTo(7L);

        FormSession district = staff.signedIn(staff.account(null, true, Role.DISTRICT_ADMIN));
        String html = district.get("/staff/district/stats?school=" + other).asString();
        assertThat(row(StatisticsTest.section(html, other), label(month(other, 1)))
                        .get(BULLYING))
                .isEqualTo("7");
        assertThat(html).contains("Figures as of ").contains("(UTC)");
    }
}
