package io.haven.casework;

import io.haven.crypto.KeyedHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Appends audit rows to a hash chain: each row carries an HMAC (with the server secret, so database
 * access alone cannot recompute it) over its own values and the previous row's hash. Editing,
 * inserting or deleting a row breaks the chain, and {@link #verify()} finds where.
 */
@ApplicationScoped
public class AuditChain {

    static final String PURPOSE = "audit";

    @Inject
    KeyedHash hash;

    @Inject
    EntityManager em;

    /** Stores the row as the new head of the chain; appends are serialised by a lock on the head row. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(CaseAudit row) {
        Object[] head = (Object[]) em.createNativeQuery("SELECT last_id, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .getSingleResult();
        row.prevHash = (String) head[1];
        row.persist();
        em.flush();
        row.rowHash = hash.hex(PURPOSE, canonical(row));
        em.createNativeQuery("UPDATE audit_head SET last_id = ?1, last_hash = ?2 WHERE id = 1")
                .setParameter(1, row.id).setParameter(2, row.rowHash).executeUpdate();
    }

    /** The id of the first row that breaks the chain, or empty when the whole log is intact. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Long> verify() {
        List<CaseAudit> rows = CaseAudit.list("rowHash is not null order by id");
        String previous = null;
        for (CaseAudit r : rows) {
            boolean linked = previous == null ? true : previous.equals(r.prevHash);
            if (!linked || !hash.hex(PURPOSE, canonical(r)).equals(r.rowHash)) {
                return Optional.of(r.id);
            }
            previous = r.rowHash;
        }
        Object[] head = (Object[]) em.createNativeQuery("SELECT last_id, last_hash FROM audit_head WHERE id = 1")
                .getSingleResult();
        boolean tailIntact = head[1] == null ? rows.isEmpty() : head[1].equals(previous);
        return tailIntact ? Optional.empty() : Optional.of(head[0] == null ? 0L : ((Number) head[0]).longValue());
    }

    static String canonical(CaseAudit r) {
        return String.join("|", String.valueOf(r.id), String.valueOf(r.schoolId), String.valueOf(r.caseId),
                String.valueOf(r.staffId), r.action, String.valueOf(r.detail), r.createdAt.toString(),
                String.valueOf(r.prevHash));
    }
}
