package io.haven.audit;

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
        Object[] head = (Object[]) em.createNativeQuery(
                "SELECT last_id, last_hash, row_count, head_mac FROM audit_head WHERE id = 1 FOR UPDATE").getSingleResult();
        long count = ((Number) head[2]).longValue();
        if (head[3] == null) {
            // The first append since the head was authenticated (migration V122): count what is there.
            count = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM case_audit").getSingleResult()).longValue();
        }
        row.prevHash = (String) head[1];
        // The database keeps microseconds: hash exactly what it will give back.
        row.createdAt = row.createdAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        row.persist();
        em.flush();
        row.rowHash = hash.hex(PURPOSE, canonical(row));
        long rows = count + 1;
        em.createNativeQuery("UPDATE audit_head SET last_id = ?1, last_hash = ?2, row_count = ?3, head_mac = ?4 WHERE id = 1")
                .setParameter(1, row.id).setParameter(2, row.rowHash).setParameter(3, rows)
                .setParameter(4, headMac(row.id, row.rowHash, rows)).executeUpdate();
    }

    private String headMac(Long lastId, String lastHash, long rows) {
        return hash.hex(PURPOSE + ".head", lastId + "|" + lastHash + "|" + rows);
    }

    /** Where the chain breaks: the row's id and school, or the head itself (id and school null). */
    public record Break(Long rowId, Long schoolId) {
    }

    /** The id of the first row that breaks the chain (0 for a rewound head), or empty when the whole log is intact. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Long> verify() {
        return check(true).map(b -> b.rowId() == null ? 0L : b.rowId());
    }

    /**
     * Checks the rows appended since the last successful check (all of them when {@code full}), then the
     * authenticated head. A row without a hash after the first hashed row is a break (a forged row), and so
     * is a head whose row count or MAC does not match (deleted newest rows, a rewound head).
     */
    @Transactional
    public Optional<Break> check(boolean full) {
        Object[] head = (Object[]) em.createNativeQuery(
                "SELECT last_id, last_hash, row_count, head_mac, verified_id, verified_hash FROM audit_head WHERE id = 1")
                .getSingleResult();
        long from = 0;
        String previous = null;
        boolean hashedSeen = false;
        if (!full && head[4] != null) {
            from = ((Number) head[4]).longValue();
            previous = (String) head[5];
            hashedSeen = previous != null;
        }
        Long lastGood = from == 0 ? null : from;
        while (true) {
            List<CaseAudit> rows = CaseAudit.find("id > ?1 order by id", from).page(0, 1000).list();
            for (CaseAudit r : rows) {
                if (r.rowHash == null) {
                    if (hashedSeen) {
                        return Optional.of(new Break(r.id, r.schoolId));
                    }
                    from = r.id;
                    continue;
                }
                boolean linked = !hashedSeen || java.util.Objects.equals(previous, r.prevHash);
                if (!linked || !hash.hex(PURPOSE, canonical(r)).equals(r.rowHash)) {
                    return Optional.of(new Break(r.id, r.schoolId));
                }
                hashedSeen = true;
                previous = r.rowHash;
                lastGood = r.id;
                from = r.id;
            }
            em.clear();
            if (rows.size() < 1000) {
                break;
            }
        }
        String lastHash = (String) head[1];
        boolean tailIntact = lastHash == null ? !hashedSeen : lastHash.equals(previous);
        if (tailIntact && head[3] != null) {
            long counted = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM case_audit").getSingleResult()).longValue();
            long stored = ((Number) head[2]).longValue();
            Long lastId = head[0] == null ? null : ((Number) head[0]).longValue();
            tailIntact = counted == stored && headMac(lastId, lastHash, stored).equals(head[3]);
        }
        if (!tailIntact) {
            return Optional.of(new Break(null, null));
        }
        if (lastGood != null) {
            em.createNativeQuery("UPDATE audit_head SET verified_id = ?1, verified_hash = ?2 WHERE id = 1")
                    .setParameter(1, lastGood).setParameter(2, previous).executeUpdate();
        }
        return Optional.empty();
    }

    static String canonical(CaseAudit r) {
        return String.join("|", String.valueOf(r.id), String.valueOf(r.schoolId), String.valueOf(r.caseId),
                String.valueOf(r.staffId), r.action, String.valueOf(r.detail), r.createdAt.toString(),
                String.valueOf(r.prevHash));
    }
}
