package io.haven.school;

import io.haven.jobs.JobLease;
import io.haven.web.HavenConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Demo data for the embedded run (haven.demo-data=true): a demo school to try per-school links on.
 * Runs before the school directory loads. Never enabled in production.
 *
 * <p>Two nodes started at once must both start: the demo data of every feature (priorities 1-3) is
 * made under one lease row, so the second node waits and then finds it made; and the school itself is
 * inserted so that losing a race on its unique slug is not an error.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final String LEASE = "demo-data";
    private static final Duration WAIT = Duration.ofMinutes(3);

    @Inject
    HavenConfig config;

    @Inject
    JobLease lease;

    void onStart(@Observes @Priority(1) StartupEvent event) throws InterruptedException {
        if (!config.demoData()) {
            return;
        }
        Instant giveUp = Instant.now().plus(WAIT);
        while (!lease.acquire(LEASE, Duration.ofMinutes(2)) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(250);
        }
        if (ensureSchool("demo", "Haven Demo School")) {
            LOG.info("Demo data: created the school 'demo' (per-school links start with /s/demo)");
        }
    }

    /** After the staff (2) and classroom (3) demo data: the next node may go on. */
    void afterDemoData(@Observes @Priority(4) StartupEvent event) {
        if (config.demoData()) {
            lease.release(LEASE);
        }
    }

    /** Creates the demo school unless it exists; true if this call made it. Losing an insert race answers false. */
    boolean ensureSchool(String slug, String name) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (School.findBySlug(slug).isPresent()) {
                    return false;
                }
                School s = new School();
                s.slug = slug;
                s.name = name;
                s.jurisdiction = "kr";
                s.defaultLanguage = "ko";
                s.timeZone = "Asia/Seoul";
                s.createdAt = Instant.now();
                s.persistAndFlush();
                return true;
            });
        } catch (RuntimeException raced) {
            // Another node inserted the same slug between our check and our insert (uq_school_slug).
            if (QuarkusTransaction.requiringNew()
                    .call(() -> School.findBySlug(slug).isPresent())) {
                return false;
            }
            throw raced;
        }
    }
}
