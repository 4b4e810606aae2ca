package io.haven.notify;

import io.haven.web.Clock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A lease on a scheduled job held as a plain row (not a session lock, so it also works on Galera):
 * the node that holds an unexpired lease runs the job; the others skip it.
 */
@ApplicationScoped
public class JobLease {

    /** This node, for as long as the process lives. */
    static final String NODE = UUID.randomUUID().toString();

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** This node's id as lease rows name it (the status page marks "this node"). */
    public static String node() {
        return NODE;
    }

    /** Takes or renews the lease; false when another node holds it. A lease taken is stamped as the job's last run. */
    public boolean acquire(String job, Duration duration) {
        boolean held = take(job, duration);
        if (held) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "UPDATE job_lease SET last_run_at = ?1 WHERE name = ?2 AND holder = ?3")
                    .setParameter(1, clock.now()).setParameter(2, job).setParameter(3, NODE).executeUpdate());
        }
        return held;
    }

    private boolean take(String job, Duration duration) {
        Instant now = clock.now();
        Instant until = now.plus(duration);
        return QuarkusTransaction.requiringNew().call(() -> {
            int updated = em.createNativeQuery(
                    "UPDATE job_lease SET holder = ?1, expires_at = ?2 WHERE name = ?3 AND (expires_at < ?4 OR holder = ?1)")
                    .setParameter(1, NODE).setParameter(2, until).setParameter(3, job).setParameter(4, now)
                    .executeUpdate();
            if (updated == 1) {
                return true;
            }
            Number exists = (Number) em.createNativeQuery("SELECT COUNT(*) FROM job_lease WHERE name = ?1")
                    .setParameter(1, job).getSingleResult();
            if (exists.intValue() > 0) {
                return false;
            }
            try {
                em.createNativeQuery("INSERT INTO job_lease (name, holder, expires_at) VALUES (?1, ?2, ?3)")
                        .setParameter(1, job).setParameter(2, NODE).setParameter(3, until).executeUpdate();
                em.flush();
                return true;
            } catch (RuntimeException raced) {
                return false;
            }
        });
    }

    public void release(String job) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE job_lease SET expires_at = ?1 WHERE name = ?2 AND holder = ?3")
                .setParameter(1, Instant.EPOCH.plusSeconds(1)).setParameter(2, job).setParameter(3, NODE).executeUpdate());
    }
}
