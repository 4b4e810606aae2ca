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
        boolean got = update(job, now, until) || (makeRow(job) && update(job, now, until));
        if (got) {
            held.add(job);
        }
        return got;
    }

    /**
     * Takes the lease if it is free or already this node's. On an existing row this is a record lock: of
     * two nodes, the second waits for the first's commit, reads its lease and changes nothing.
     */
    private boolean update(String job, Instant now, Instant until) {
        return QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery(
                                        "UPDATE job_lease SET holder = ?1, expires_at = ?2 WHERE name = ?3 AND (expires_at < ?4 OR holder = ?1)")
                                .setParameter(1, node)
                                .setParameter(2, until)
                                .setParameter(3, job)
                                .setParameter(4, now)
                                .executeUpdate())
                == 1;
    }

    /**
     * Makes the job's row, expired and held by nobody, unless it exists (then it changes nothing); the lease
     * itself is then taken by {@link #update}, so two nodes that both make the row at once get exactly one
     * holder. In a transaction of its own, apart from the update that found no row: in one transaction, the
     * update's gap lock and the insert of two nodes deadlocked, and a plain insert's duplicate key failed
     * the loser's commit (the job failed that round, or the node's start).
     */
    private boolean makeRow(String job) {
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery(
                                    "INSERT INTO job_lease (name, holder, expires_at) VALUES (?1, NULL, ?2)"
                                            + " ON DUPLICATE KEY UPDATE name = name")
                            .setParameter(1, job)
                            .setParameter(2, Instant.EPOCH.plusSeconds(1))
                            .executeUpdate());
        } catch (RuntimeException raced) {
            // Another node made the row at the same moment (H2 may say so): the update decides who holds it.
            LOG.debugf(
                    "Lease row of job %s made by another node at once (%s)",
                    job, raced.getClass().getSimpleName());
        }
        return true;
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
