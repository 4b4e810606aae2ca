package io.haven.crypto;

import io.haven.notify.JobLease;
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

    @Scheduled(every = "${haven.crypto.reencrypt-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (lease.acquire("reencrypt", Duration.ofMinutes(30))) {
            int moved = run();
            if (moved > 0) {
                LOG.infof("Re-encrypted %d values with key %s", moved, keys.currentId());
            }
        }
    }

    /** Re-encrypts everything under an older key; returns how many values moved. */
    public int run() {
        String current = "v1:" + keys.currentId() + ":%";
        int moved = 0;
        for (EncryptedColumns registry : registries) {
            for (EncryptedColumns.Column c : registry.columns()) {
                int batch;
                do {
                    batch = QuarkusTransaction.requiringNew().call(() -> {
                        @SuppressWarnings("unchecked")
                        List<Object[]> rows = em.createNativeQuery("SELECT id, " + c.column() + " FROM " + c.table()
                                + " WHERE " + c.column() + " IS NOT NULL AND " + c.column() + " NOT LIKE ?1")
                                .setParameter(1, current).setMaxResults(BATCH).getResultList();
                        for (Object[] row : rows) {
                            String old = (String) row[1];
                            String fresh = cipher.encrypt(c.context(), cipher.decrypt(c.context(), old));
                            em.createNativeQuery("UPDATE " + c.table() + " SET " + c.column() + " = ?1 WHERE id = ?2 AND "
                                    + c.column() + " = ?3").setParameter(1, fresh).setParameter(2, row[0])
                                    .setParameter(3, old).executeUpdate();
                        }
                        return rows.size();
                    });
                    moved += batch;
                } while (batch == BATCH);
            }
        }
        return moved;
    }
}
