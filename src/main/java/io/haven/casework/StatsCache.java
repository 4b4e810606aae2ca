package io.haven.casework;

import io.haven.web.Clock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * One school's statistics as last computed on this node, per time zone and period, so that a
 * statistics page over a million cases does not count them on every view. Figures younger than
 * {@code haven.stats.fresh-for} are served as they are. Older ones are served too, and the view starts
 * one recomputation in the background (never two at once for the same figures); the next view gets the
 * new ones. Only the very first view of some figures computes them in the request. The pages say how
 * old the figures are. Ended months are remembered apart, for good (see {@link Statistics}).
 */
@ApplicationScoped
public class StatsCache {

    private static final Logger LOG = Logger.getLogger(StatsCache.class);

    /** Periods remembered per node: each is a few hundred counts; the least recently read go first. */
    static final int KEPT = 2_000;

    /** Figures of one school and when they were computed. */
    public record Snapshot(Statistics.Raw raw, Instant asOf) {}

    private record Key(long schoolId, ZoneId zone, YearMonth first, int months) {}

    private static final class Cached {
        volatile Snapshot snapshot;
        final AtomicBoolean refreshing = new AtomicBoolean();
    }

    @Inject
    Statistics statistics;

    @Inject
    Clock clock;

    @Inject
    StatsConfig config;

    private volatile Duration freshFor;

    private final Map<Key, Cached> entries = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Cached> eldest) {
            return size() > KEPT;
        }
    });

    /** One thread: recomputations queue behind each other rather than take every core of a busy node. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "haven-stats-refresh");
        t.setDaemon(true);
        return t;
    });

    @PostConstruct
    void init() {
        freshFor = config.freshFor();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** How long figures are served without recomputing them. */
    public Duration freshFor() {
        return freshFor;
    }

    /** Tests only: another window (0: no caching), and nothing remembered. */
    void freshForTests(Duration window) {
        freshFor = window;
        entries.clear();
        statistics.forgetCompletedMonths();
    }

    /** One school's figures for these months, possibly up to {@link #freshFor()} old (or older while recomputed). */
    public Snapshot read(long schoolId, ZoneId zone, List<YearMonth> months) {
        Duration window = freshFor;
        if (window.isZero()) {
            Instant asOf = clock.now();
            return new Snapshot(statistics.read(schoolId, zone, months, false), asOf);
        }
        Key key = new Key(schoolId, zone, months.get(0), months.size());
        Cached e = entries.computeIfAbsent(key, k -> new Cached());
        Snapshot s = e.snapshot;
        if (s == null) {
            // The first view computes in the request; a second view at the same moment waits for it.
            synchronized (e) {
                s = e.snapshot;
                if (s == null) {
                    s = compute(schoolId, zone, months);
                    e.snapshot = s;
                }
            }
            return s;
        }
        if (clock.now().isAfter(s.asOf().plus(window)) && e.refreshing.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    try {
                        e.snapshot = QuarkusTransaction.requiringNew().call(() -> compute(schoolId, zone, months));
                    } catch (RuntimeException ex) {
                        LOG.warnf(ex, "statistics of school %d not recomputed; the older figures stay", schoolId);
                    } finally {
                        e.refreshing.set(false);
                    }
                });
            } catch (RejectedExecutionException shuttingDown) {
                e.refreshing.set(false);
            }
        }
        return s;
    }

    private Snapshot compute(long schoolId, ZoneId zone, List<YearMonth> months) {
        // The time before the counts: the figures are at least this recent.
        Instant asOf = clock.now();
        long t0 = System.nanoTime();
        Snapshot s = new Snapshot(statistics.read(schoolId, zone, months, true), asOf);
        LOG.debugf(
                "statistics of school %d, %d months, computed in %d ms",
                schoolId, months.size(), (System.nanoTime() - t0) / 1_000_000);
        return s;
    }
}
