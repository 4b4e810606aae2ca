package io.haven.jobs;

import io.haven.web.Clock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * A lease on a scheduled job held as a plain row (not a session lock, so it also works on Galera):
 * the node that holds an unexpired lease runs the job; the others skip it. A node that stops gives its
 * leases back, so another node takes the jobs over at its next run instead of after the lease expires.
 */
@ApplicationScoped
public class JobLease {

    private static final Logger LOG = Logger.getLogger(JobLease.class);

    /** This node, for as long as the process lives (tests make other instances to play other nodes). */
    final String node = UUID.randomUUID().toString();

    /** The id of the node's own lease holder, for the status page. */
    private static volatile String current;

    @jakarta.annotation.PostConstruct
    void register() {
        current = node;
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** This node's id as lease rows name it (the status page marks "this node"). */
    public static String node() {
        return current;
    }

    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    /**
     * Runs a job if this node holds (or can take) its lease; returns whether it ran. While it runs, a
     * stopping node keeps the lease, so no other node starts the same job beside a run not yet finished.
     */
    public boolean run(String job, Duration duration, Runnable work) {
        if (!acquire(job, duration)) {
            return false;
        }
        running.add(job);
        try {
            work.run();
        } finally {
            synchronized (running) {
                running.remove(job);
                running.notifyAll();
            }
        }
        return true;
    }

    /**
     * Takes or renews the lease; false when another node holds it, or this node is stopping. A lease taken
     * is stamped as the job's last run (the status page shows it).
     */
    public boolean acquire(String job, Duration duration) {
        if (stopping) {
            return false;
        }
        boolean got = take(job, duration);
        if (got) {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery(
                                    "UPDATE job_lease SET last_run_at = ?1 WHERE name = ?2 AND holder = ?3")
                            .setParameter(1, clock.now())
                            .setParameter(2, job)
                            .setParameter(3, node)
                            .executeUpdate());
        }
        return got;
    }

    private boolean take(String job, Duration duration) {
        Instant now = clock.now();
        Instant until = now.plus(duration);
        boolean got = QuarkusTransaction.requiringNew().call(() -> {
            int updated = em.createNativeQuery(
                            "UPDATE job_lease SET holder = ?1, expires_at = ?2 WHERE name = ?3 AND (expires_at < ?4 OR holder = ?1)")
                    .setParameter(1, node)
                    .setParameter(2, until)
                    .setParameter(3, job)
                    .setParameter(4, now)
                    .executeUpdate();
            if (updated == 1) {
                return true;
            }
            Number exists = (Number) em.createNativeQuery("SELECT COUNT(*) FROM job_lease WHERE name = ?1")
                    .setParameter(1, job)
                    .getSingleResult();
            if (exists.intValue() > 0) {
                return false;
            }
            try {
                em.createNativeQuery("INSERT INTO job_lease (name, holder, expires_at) VALUES (?1, ?2, ?3)")
                        .setParameter(1, job)
                        .setParameter(2, node)
                        .setParameter(3, until)
                        .executeUpdate();
                em.flush();
                return true;
            } catch (RuntimeException raced) {
                return false;
            }
        });
        if (got) {
            held.add(job);
        }
        return got;
    }

    public void release(String job) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("UPDATE job_lease SET expires_at = ?1 WHERE name = ?2 AND holder = ?3")
                        .setParameter(1, Instant.EPOCH.plusSeconds(1))
                        .setParameter(2, job)
                        .setParameter(3, node)
                        .executeUpdate());
        held.remove(job);
    }

    /** Whether this node is shutting down: a long job stops between two items and lets its lease go. */
    public boolean stopping() {
        return stopping;
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stop(10_000);
    }

    /**
     * Takes no new lease, waits a little for running jobs, then gives back every lease whose job is not
     * running. A job still running keeps its lease until it expires: its writes may not be over.
     */
    void stop(long waitMillis) {
        stopping = true;
        long deadline = System.currentTimeMillis() + waitMillis;
        synchronized (running) {
            for (long left = waitMillis; !running.isEmpty() && left > 0; left = deadline - System.currentTimeMillis()) {
                try {
                    running.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        for (String job : Set.copyOf(held)) {
            if (running.contains(job)) {
                LOG.warnf("Job %s is still running; its lease is left to expire", job);
                continue;
            }
            try {
                release(job);
            } catch (RuntimeException e) {
                LOG.warnf(
                        "Lease of job %s not released (%s); it expires on its own",
                        job, e.getClass().getSimpleName());
            }
        }
    }

    /** Tests only: this node takes leases again after {@link #stop(long)}. */
    void resume() {
        stopping = false;
    }
}
