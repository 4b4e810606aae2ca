package io.haven.ops;

import io.haven.crypto.KeyUsage;
import io.haven.web.HavenConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The status page's figures as gauges on the management port (instance-wide, like the district's view).
 * A scrape never touches the database: the figures are read on a schedule
 * ({@code haven.status.refresh-every}, 60 s) and the gauges show the last reading; the count of values
 * under each key, which reads every encrypted column, only every {@code haven.status.keys-every} (1 h).
 */
@ApplicationScoped
public class StatusGauges {

    private static final Logger LOG = Logger.getLogger(StatusGauges.class);

    @Inject
    StatusService status;

    @Inject
    MeterRegistry registry;

    @Inject
    HavenConfig config;

    /** Last reading of each gauge, by name and tags. */
    private final Map<String, Double> values = new ConcurrentHashMap<>();

    /**
     * The first reading runs beside the start, not in it: counting the values under each key reads every
     * encrypted column, which took about 40 s on a million cases and held the portal's readiness that long.
     * The gauges appear when it is done; until then the metrics page simply lacks them.
     */
    void onStart(@Observes StartupEvent event) {
        Thread first = new Thread(
                () -> {
                    // The queries need a request context, which a thread of our own does not have.
                    ManagedContext requestContext = Arc.container().requestContext();
                    requestContext.activate();
                    try {
                        refresh();
                    } finally {
                        requestContext.terminate();
                    }
                },
                "haven-status-first-reading");
        first.setDaemon(true);
        first.start();
    }

    @Scheduled(
            every = "${haven.status.refresh-every:60s}",
            delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        refresh();
    }

    /** Reads every figure now. A database that cannot answer leaves the previous readings (and logs one line). */
    public void refresh() {
        try {
            StatusService.Outbox o = status.outbox(List.of());
            Instant now = Instant.now();
            set("haven.outbox.waiting", Tags.empty(), o.waiting());
            set("haven.outbox.retrying", Tags.empty(), o.retrying());
            set("haven.outbox.failed", Tags.empty(), o.failed());
            set(
                    "haven.outbox.oldest.waiting.seconds",
                    Tags.empty(),
                    o.oldestWaiting() == null
                            ? 0
                            : Math.max(
                                    0, Duration.between(o.oldestWaiting(), now).toSeconds()));
            for (StatusService.Job j : status.jobs()) {
                Tags job = Tags.of("job", j.name());
                set(
                        "haven.job.last.run.age.seconds",
                        job,
                        j.lastRun() == null
                                ? Double.NaN
                                : Math.max(0, Duration.between(j.lastRun(), now).toSeconds()));
                set("haven.job.lease.held", job, j.held() ? 1 : 0);
            }
            long oldKeysInUse = 0;
            for (KeyUsage.Use k : keyCounts(now)) {
                set(
                        "haven.crypto.values",
                        Tags.of("key", k.keyId(), "current", String.valueOf(k.current())),
                        k.values());
                if (!k.current() && k.values() > 0) {
                    oldKeysInUse++;
                }
            }
            set("haven.crypto.old.keys.in.use", Tags.empty(), oldKeysInUse);
            set("haven.settings.unsafe", Tags.empty(), status.unsafeSettings().size());
            set(
                    "haven.content.due.for.review",
                    Tags.empty(),
                    status.dueForReview(List.of()).size());
            set(
                    "haven.schema.version",
                    Tags.of("version", status.version()),
                    parse(status.schema().version()));
        } catch (RuntimeException e) {
            LOG.warnf("Status gauges not refreshed (%s)", e.getClass().getSimpleName());
        }
    }

    /** The last count of values under each key, counted again once older than haven.status.keys-every. */
    private List<KeyUsage.Use> keyCounts(Instant now) {
        Counted last = keys;
        if (last == null || !now.isBefore(last.at().plus(config.status().keysEvery()))) {
            last = new Counted(now, status.keys());
            keys = last;
        }
        return last.uses();
    }

    private record Counted(Instant at, List<KeyUsage.Use> uses) {}

    private volatile Counted keys;

    private void set(String name, Tags tags, double value) {
        String key = name + tags;
        if (values.put(key, value) == null) {
            Gauge.builder(name, values, v -> v.getOrDefault(key, Double.NaN))
                    .tags(tags)
                    .strongReference(true)
                    .register(registry);
        }
    }

    private static double parse(String version) {
        try {
            return Double.parseDouble(version);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
