package io.haven.casework;

import io.haven.report.CaseStatus;
import io.haven.report.Category;
import io.haven.report.Outcome;
import io.haven.report.ReportCase;
import io.haven.web.Clock;
import io.haven.web.Language;
import io.haven.web.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Figures about a school's reports for a period of whole months, read only from the columns that
 * retention keeps (category, status, outcome, dates), never from content. Counts are grouped in SQL.
 *
 * <p>Small counts are suppressed. A count below {@value #MIN} is never shown (0 included). A total is
 * shown only when every count it adds up is shown: otherwise subtracting the shown counts from it
 * would give a suppressed one away. A rate is shown only when both its counts are shown. Medians (not
 * counts) are shown when based on at least {@value #MIN} cases.
 */
@ApplicationScoped
public class Statistics {

    public static final int MIN = 5;
    public static final List<Integer> PERIODS = List.of(3, 6, 12, 24);
    public static final int DEFAULT_PERIOD = 12;

    /**
     * A count as shown: its value, and whether it may be shown (it and every count it adds up are at
     * least {@value #MIN}).
     */
    public record Count(long value, boolean shown) {

        static final Count NONE = new Count(0, true);

        static Count of(long n) {
            return new Count(n, n >= MIN);
        }

        /** For a reader who may open every case counted: shown whatever its size. */
        static Count exact(long n) {
            return new Count(n, true);
        }

        Count plus(Count o) {
            return new Count(value + o.value, shown && o.shown);
        }

        /** Not shown because it is below the threshold itself ("fewer than 5"), not only because of a part. */
        public boolean isSmall() {
            return value < MIN;
        }
    }

    /** A median duration, as text in the reader's language, or not enough cases to show one. */
    public record Median(boolean shown, String text) {}

    /** One month of the table: a count per category (in {@link Category} order) and their total. */
    public record MonthRow(YearMonth month, String label, List<Count> cells, Count total) {}

    /** Medians for one category, or for all (category null). */
    public record MedianRow(Category category, Median acknowledge, Median close) {}

    public record OutcomeRow(Outcome outcome, Count count) {}

    /** One bar of the chart of reports per month, in SVG user units; no bar when the total is not shown. */
    public record Bar(
            int x, int y, int width, int height, boolean shown, String value, int labelX, int valueY, String label) {}

    /** Everything the statistics pages show for one school, or for several together. */
    public record Figures(
            List<Category> categories,
            List<MonthRow> months,
            List<Count> categoryTotals,
            Count total,
            List<MedianRow> medians,
            List<OutcomeRow> outcomes,
            Count closedTotal,
            boolean misuseShown,
            boolean misuseEnoughCases,
            String misuseRate,
            List<Bar> bars,
            int chartWidth) {}

    /** What one school's queries give, before suppression: so that several schools can be added up. */
    public static final class Raw {
        final Map<YearMonth, Map<Category, Long>> perMonth = new LinkedHashMap<>();
        /** Per category: how many cases took each number of seconds (counted in SQL, not a row per case). */
        final Map<Category, Map<Long, Long>> acknowledgeSeconds = new EnumMap<>(Category.class);

        final Map<Category, Map<Long, Long>> closeSeconds = new EnumMap<>(Category.class);
        final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    }

    /**
     * Ended months remembered per node: a school's 24 months take 24 entries, so this bound holds the
     * longest period for several hundred schools; the least recently read go first.
     */
    static final int COMPLETED_MONTHS_KEPT = 20_000;

    /**
     * How long after its end a month counts as ended: a report's transaction open at midnight, or another
     * node's clock a little behind, may still add a case to it just after.
     */
    static final Duration SETTLED = Duration.ofMinutes(10);

    private record MonthKey(long schoolId, ZoneId zone, YearMonth month) {}

    private final Map<MonthKey, Map<Category, Long>> completedMonths =
            Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<MonthKey, Map<Category, Long>> eldest) {
                    return size() > COMPLETED_MONTHS_KEPT;
                }
            });

    private final AtomicLong monthQueries = new AtomicLong();

    /** How many per-month count queries ran: tests show that ended months are not counted again. */
    long monthQueries() {
        return monthQueries.get();
    }

    @Inject
    Clock clock;

    /** Tests only: forgets the remembered months. */
    void forgetCompletedMonths() {
        completedMonths.clear();
    }

    /** The months of a period ending with (and including) the given month. */
    public static List<YearMonth> months(YearMonth last, int count) {
        List<YearMonth> out = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            out.add(last.minusMonths(i));
        }
        return out;
    }

    /**
     * Reads one school's figures for these months, as the school's time zone counts them. Runs in the
     * caller's transaction.
     */
    public Raw read(long schoolId, ZoneId zone, List<YearMonth> months) {
        return read(schoolId, zone, months, false);
    }

    /**
     * As above; keepCompleted: a month that has ended in the school's time zone is counted once and its
     * counts remembered on this node ({@link #SETTLED} after its end). A case's creation time is set once and cases are never deleted
     * (retention only empties their content), so an ended month's counts cannot change. Tests that
     * insert cases into past months read with false.
     */
    Raw read(long schoolId, ZoneId zone, List<YearMonth> months, boolean keepCompleted) {
        Raw raw = new Raw();
        var em = ReportCase.getEntityManager();
        Instant now = clock.now();
        for (YearMonth m : months) {
            boolean completed =
                    keepCompleted && !start(m.plusMonths(1), zone).plus(SETTLED).isAfter(now);
            MonthKey key = new MonthKey(schoolId, zone, m);
            Map<Category, Long> cells = completed ? completedMonths.get(key) : null;
            if (cells == null) {
                cells = monthCounts(em, schoolId, zone, m);
                if (completed) {
                    completedMonths.put(key, cells);
                }
            }
            raw.perMonth.put(m, cells);
        }
        Instant from = start(months.get(0), zone);
        Instant to = start(months.get(months.size() - 1).plusMonths(1), zone);
        for (Category c : Category.values()) {
            raw.acknowledgeSeconds.put(c, new HashMap<>());
            raw.closeSeconds.put(c, new HashMap<>());
        }
        // Durations counted per category and length in SQL: what comes back grows with the number of distinct
        // durations, not with the number of cases (a district's million cases are not read one by one).
        durations(em, "c.acknowledgedAt", schoolId, from, to, raw.acknowledgeSeconds);
        durations(em, "c.closedAt", schoolId, from, to, raw.closeSeconds);
        em.createQuery(
                        "select c.outcome, count(c) from ReportCase c where c.schoolId = ?1 and c.createdAt >= ?2"
                                + " and c.createdAt < ?3 and c.status = ?4 and c.outcome is not null group by c.outcome",
                        Object[].class)
                .setParameter(1, schoolId)
                .setParameter(2, from)
                .setParameter(3, to)
                .setParameter(4, CaseStatus.CLOSED)
                .getResultList()
                .forEach(r -> raw.outcomes.put((Outcome) r[0], (Long) r[1]));
        return raw;
    }

    private Map<Category, Long> monthCounts(
            jakarta.persistence.EntityManager em, long schoolId, ZoneId zone, YearMonth m) {
        monthQueries.incrementAndGet();
        Map<Category, Long> cells = new EnumMap<>(Category.class);
        Arrays.stream(Category.values()).forEach(c -> cells.put(c, 0L));
        em.createQuery(
                        "select c.category, count(c) from ReportCase c where c.schoolId = ?1"
                                + " and c.createdAt >= ?2 and c.createdAt < ?3 group by c.category",
                        Object[].class)
                .setParameter(1, schoolId)
                .setParameter(2, start(m, zone))
                .setParameter(3, start(m.plusMonths(1), zone))
                .getResultList()
                .forEach(r -> cells.put((Category) r[0], (Long) r[1]));
        // Shared by every view that reads this month from now on: nobody may change it.
        return Collections.unmodifiableMap(cells);
    }

    private static void durations(
            jakarta.persistence.EntityManager em,
            String end,
            long schoolId,
            Instant from,
            Instant to,
            Map<Category, Map<Long, Long>> into) {
        em.createQuery(
                        "select c.category, (" + end + " - c.createdAt) by second as s, count(c) from ReportCase c"
                                + " where c.schoolId = ?1 and c.createdAt >= ?2 and c.createdAt < ?3 and " + end
                                + " is not null group by c.category, s",
                        Object[].class)
                .setParameter(1, schoolId)
                .setParameter(2, from)
                .setParameter(3, to)
                .getResultList()
                .forEach(r -> into.get((Category) r[0])
                        .merge(((Number) r[1]).longValue(), ((Number) r[2]).longValue(), Long::sum));
    }

    static Instant start(YearMonth m, ZoneId zone) {
        return m.atDay(1).atStartOfDay(zone).toInstant();
    }

    /** The figures of one school, or of several schools added up, with small counts suppressed. */
    public Figures figures(List<Raw> given, List<YearMonth> months, Language language) {
        return figures(given, months, language, false);
    }

    /**
     * As above; exact: nothing suppressed, for a school's own lead, who can open every case counted anyway.
     * District views and exports stay suppressed.
     */
    public Figures figures(List<Raw> given, List<YearMonth> months, Language language, boolean exact) {
        java.util.function.LongFunction<Count> count = exact ? Count::exact : Count::of;
        int min = exact ? 1 : MIN;
        // No school at all counts as one with no reports: zeros are suppressed like any small count.
        List<Raw> schools = given.isEmpty() ? List.of(new Raw()) : given;
        StatsMsg msg = Messages.get(StatsMsg.class, language);
        List<Category> categories = List.of(Category.values());
        DateTimeFormatter monthFormat = DateTimeFormatter.ofPattern(msg.stats_month_pattern(), language.locale);

        List<MonthRow> rows = new ArrayList<>();
        List<Count> categoryTotals =
                new ArrayList<>(categories.stream().map(c -> Count.NONE).toList());
        Count total = Count.NONE;
        for (YearMonth m : months) {
            List<Count> cells = new ArrayList<>();
            Count monthTotal = Count.NONE;
            for (int i = 0; i < categories.size(); i++) {
                Category c = categories.get(i);
                Count cell = Count.NONE;
                for (Raw r : schools) {
                    cell = cell.plus(
                            count.apply(r.perMonth.getOrDefault(m, Map.of()).getOrDefault(c, 0L)));
                }
                cells.add(cell);
                monthTotal = monthTotal.plus(cell);
                categoryTotals.set(i, categoryTotals.get(i).plus(cell));
            }
            total = total.plus(monthTotal);
            rows.add(new MonthRow(m, monthFormat.format(m), cells, monthTotal));
        }

        List<MedianRow> medians = new ArrayList<>();
        medians.add(new MedianRow(
                null, median(schools, categories, true, msg, min), median(schools, categories, false, msg, min)));
        for (Category c : categories) {
            medians.add(new MedianRow(
                    c, median(schools, List.of(c), true, msg, min), median(schools, List.of(c), false, msg, min)));
        }

        List<OutcomeRow> outcomes = new ArrayList<>();
        Count closed = Count.NONE;
        for (Outcome o : Outcome.values()) {
            Count oc = Count.NONE;
            for (Raw r : schools) {
                oc = oc.plus(count.apply(r.outcomes.getOrDefault(o, 0L)));
            }
            outcomes.add(new OutcomeRow(o, oc));
            closed = closed.plus(oc);
        }
        Count misuse = outcomes.get(Outcome.FALSE_OR_MALICIOUS.ordinal()).count();
        boolean misuseShown = misuse.shown() && closed.shown() && closed.value() >= min;
        String rate = misuseShown ? percent(misuse.value(), closed.value(), language) : "";

        return new Figures(
                categories,
                rows,
                categoryTotals,
                total,
                medians,
                outcomes,
                closed,
                misuseShown,
                closed.value() >= min,
                rate,
                bars(rows),
                chartWidth(rows.size()));
    }

    static String percent(long part, long whole, Language language) {
        double p = 100.0 * part / whole;
        return String.format(language.locale, "%.1f %%", p)
                .replace(" %", language == Language.EN || language == Language.KO ? "%" : "\u00a0%");
    }

    private static Median median(
            List<Raw> schools, List<Category> categories, boolean acknowledge, StatsMsg msg, int min) {
        java.util.TreeMap<Long, Long> all = new java.util.TreeMap<>();
        for (Raw r : schools) {
            for (Category c : categories) {
                (acknowledge ? r.acknowledgeSeconds : r.closeSeconds)
                        .getOrDefault(c, Map.of())
                        .forEach((seconds, n) -> all.merge(seconds, n, Long::sum));
            }
        }
        long n = all.values().stream().mapToLong(Long::longValue).sum();
        if (n < min) {
            return new Median(false, "");
        }
        // The middle one (odd count) or the mean of the middle two, walking the counted durations in order.
        long lower = (n - 1) / 2;
        long upper = n / 2;
        Long low = null;
        Long high = null;
        long seen = 0;
        for (Map.Entry<Long, Long> e : all.entrySet()) {
            seen += e.getValue();
            if (low == null && seen > lower) {
                low = e.getKey();
            }
            if (seen > upper) {
                high = e.getKey();
                break;
            }
        }
        double seconds = (low + high) / 2.0;
        return new Median(true, human(Duration.ofSeconds(Math.round(seconds)), msg));
    }

    /** A duration as people say it: minutes under an hour, hours under two days, then days. */
    static String human(Duration d, StatsMsg msg) {
        long s = Math.max(0, d.toSeconds());
        if (s < 3600) {
            return msg.stats_minutes(Math.max(1, Math.round(s / 60.0)));
        }
        if (s < 48 * 3600) {
            return msg.stats_hours(Math.round(s / 3600.0));
        }
        return msg.stats_days(Math.round(s / 86400.0));
    }

    static final int BAR_STEP = 56;
    static final int CHART_LEFT = 8;
    static final int CHART_BASE = 170;
    static final int CHART_HEIGHT = 140;

    static int chartWidth(int months) {
        return CHART_LEFT * 2 + months * BAR_STEP;
    }

    private static List<Bar> bars(List<MonthRow> rows) {
        long max = rows.stream()
                .filter(r -> r.total().shown())
                .mapToLong(r -> r.total().value())
                .max()
                .orElse(0);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            MonthRow r = rows.get(i);
            int x = CHART_LEFT + i * BAR_STEP + 10;
            int width = BAR_STEP - 20;
            boolean shown = r.total().shown() && max > 0;
            int h = shown
                    ? (int) Math.max(
                            1, Math.round((double) CHART_HEIGHT * r.total().value() / max))
                    : 0;
            bars.add(new Bar(
                    x,
                    CHART_BASE - h,
                    width,
                    h,
                    shown,
                    shown ? Long.toString(r.total().value()) : "",
                    x + width / 2,
                    CHART_BASE - h - 4,
                    r.month().toString()));
        }
        return bars;
    }
}
