package io.haven.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which keys the stored values use, counted over every registered encrypted column: the key that
 * encrypts now, and whether an older key still holds values (then it must stay in the ring).
 */
@ApplicationScoped
public class KeyUsage {

    @Inject
    Instance<EncryptedColumns> registries;

    @Inject
    KeyRing keys;

    @Inject
    EntityManager em;

    /** One key id: whether it encrypts new values, whether the ring holds it, and how many stored values use it. */
    public record Use(String keyId, boolean current, boolean inRing, long values) {

        /** An older key no value uses any more can leave the ring. */
        public boolean removable() {
            return !current && inRing && values == 0;
        }
    }

    /** Every key of the ring (in ring order), then any id found in the data that the ring lacks. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Use> count() {
        Map<String, Long> counts = new LinkedHashMap<>();
        keys.fingerprints().keySet().forEach(id -> counts.put(id, 0L));
        for (EncryptedColumns registry : registries) {
            for (EncryptedColumns.Column c : registry.columns()) {
                // Values read "v1:<key id>:...": the id runs from the 4th character to the next colon.
                @SuppressWarnings("unchecked")
                List<Object[]> rows = em.createNativeQuery("SELECT SUBSTRING(" + c.column() + ", 4, LOCATE(':', "
                                + c.column() + ", 4) - 4) AS k, COUNT(*) FROM " + c.table() + " WHERE " + c.column()
                                + " LIKE 'v1:%' GROUP BY SUBSTRING(" + c.column() + ", 4, LOCATE(':', " + c.column()
                                + ", 4) - 4)")
                        .getResultList();
                for (Object[] r : rows) {
                    counts.merge(String.valueOf(r[0]), ((Number) r[1]).longValue(), Long::sum);
                }
            }
        }
        List<Use> out = new ArrayList<>();
        Map<String, String> ring = keys.fingerprints();
        counts.forEach((id, n) -> out.add(new Use(id, id.equals(keys.currentId()), ring.containsKey(id), n)));
        return out;
    }
}
