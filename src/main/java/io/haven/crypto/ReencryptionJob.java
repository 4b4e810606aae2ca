package io.haven.crypto;

import io.haven.jobs.JobLease;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * After a key rotation, moves every encrypted value still under an older key to the current one, in
 * small batches, on one node at a time. Old keys can be removed from the ring once it has finished.
 */
@ApplicationScoped
public class ReencryptionJob {

    private static final Logger LOG = Logger.getLogger(ReencryptionJob.class);
    private static final int BATCH = 200;

    @Inject
    Instance<EncryptedColumns> registries;

    @Inject
    FieldCipher cipher;

    @Inject
    KeyRing keys;

    @Inject
    EntityManager em;

    @Inject
    JobLease lease;

    @Scheduled(
            every = "${haven.crypto.reencrypt-every:1h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!due()) {
            return;
        }
        lease.run("reencrypt", Duration.ofMinutes(30), () -> {
            int moved = run();
            if (moved > 0) {
                LOG.infof("Re-encrypted %d values with key %s", moved, keys.currentId());
            }
        });
    }

    /**
     * Re-encrypts everything under an older key; returns how many values moved. A value that no key of the
     * ring can decrypt is skipped and counted (never fatal), so one bad value cannot keep an old key in use
     * forever. With a single key there is nothing older to move, and no table is read.
     */
    public int run() {
        if (keys.fingerprints().size() < 2) {
            return 0;
        }
        String ring = ring();
        String current = "v1:" + keys.currentId() + ":%";
        int moved = 0;
        int bad = 0;
        for (EncryptedColumns registry : registries) {
            for (EncryptedColumns.Column c : registry.columns()) {
                long after = 0;
                while (true) {
                    long from = after;
                    long[] result = QuarkusTransaction.requiringNew().call(() -> {
                        @SuppressWarnings("unchecked")
                        List<Object[]> rows = em.createNativeQuery("SELECT id, " + c.column() + " FROM " + c.table()
                                        + " WHERE id > ?2 AND " + c.column() + " IS NOT NULL AND " + c.column()
                                        + " NOT LIKE ?1"
                                        + " ORDER BY id")
                                .setParameter(1, current)
                                .setParameter(2, from)
                                .setMaxResults(BATCH)
                                .getResultList();
                        long last = from;
                        long movedHere = 0;
                        long badHere = 0;
                        for (Object[] row : rows) {
                            last = ((Number) row[0]).longValue();
                            String old = (String) row[1];
                            String fresh;
                            try {
                                fresh = cipher.encrypt(c.context(), cipher.decrypt(c.context(), old));
                            } catch (RuntimeException undecryptable) {
                                badHere++;
                                continue;
                            }
                            movedHere += em.createNativeQuery("UPDATE " + c.table() + " SET " + c.column()
                                            + " = ?1 WHERE id = ?2 AND " + c.column() + " = ?3")
                                    .setParameter(1, fresh)
                                    .setParameter(2, row[0])
                                    .setParameter(3, old)
                                    .executeUpdate();
                        }
                        return new long[] {rows.size(), last, movedHere, badHere};
                    });
                    moved += (int) result[2];
                    bad += (int) result[3];
                    after = result[1];
                    if (result[0] < BATCH) {
                        break;
                    }
                }
            }
        }
        if (bad > 0) {
            LOG.warnf(
                    "%d encrypted values could not be decrypted with any key of the ring and were left as they are",
                    bad);
        }
        lastUndecryptable = bad;
        // New values are always written under the current key: once a whole pass finds nothing older to
        // move, nothing older can appear until the ring changes, so the hourly schedule stops reading. A pass
        // that moved values (rows restored from an older backup, say) has the next pass check again.
        finishedFor = moved == 0 ? ring : null;
        return moved;
    }

    /** The ring a whole pass last found nothing older in; the schedule skips while it is still the ring. */
    private volatile String finishedFor;

    /** Whether the schedule still has work: an older key in the ring and no pass under this ring that found nothing. */
    public boolean due() {
        return keys.fingerprints().size() >= 2 && !ring().equals(finishedFor);
    }

    private String ring() {
        return keys.currentId() + "|" + new java.util.TreeMap<>(keys.fingerprints());
    }

    private volatile int lastUndecryptable;

    /** How many values the last run could not decrypt (for the administrators' status). */
    public int lastUndecryptable() {
        return lastUndecryptable;
    }
}
