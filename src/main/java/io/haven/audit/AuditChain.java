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
                        "SELECT last_id, last_hash, row_count, head_mac FROM audit_head WHERE id = 1 FOR UPDATE")
                .getSingleResult();
        long count = ((Number) head[2]).longValue();
        if (head[3] == null) {
            // The first append since the head was authenticated (migration V122): count what is there.
            count = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM case_audit")
                            .getSingleResult())
                    .longValue();
        }
        row.prevHash = (String) head[1];
        // The database keeps microseconds: hash exactly what it will give back.
        row.createdAt = row.createdAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        row.persist();
        em.flush();
        row.rowHash = hash.hex(PURPOSE, canonical(row));
        long rows = count + 1;
        em.createNativeQuery(
                        "UPDATE audit_head SET last_id = ?1, last_hash = ?2, row_count = ?3, head_mac = ?4 WHERE id = 1")
                .setParameter(1, row.id)
                .setParameter(2, row.rowHash)
                .setParameter(3, rows)
                .setParameter(4, headMac(row.id, row.rowHash, rows))
                .executeUpdate();
    }

    private String headMac(Long lastId, String lastHash, long rows) {
        return hash.hex(PURPOSE + ".head", lastId + "|" + lastHash + "|" + rows);
    }

    /** Where the chain breaks: the row's id and school, or the head itself (id and school null). */
    public record Break(Long rowId, Long schoolId) {}

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
            List<CaseAudit> rows =
                    CaseAudit.find("id > ?1 order by id", from).page(0, 1000).list();
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
            long counted = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM case_audit")
                            .getSingleResult())
                    .longValue();
            long stored = ((Number) head[2]).longValue();
            Long lastId = head[0] == null ? null : ((Number) head[0]).longValue();
            tailIntact = counted == stored && headMac(lastId, lastHash, stored).equals(head[3]);
        }
        if (!tailIntact) {
            return Optional.of(new Break(null, null));
        }
        if (lastGood != null) {
            em.createNativeQuery("UPDATE audit_head SET verified_id = ?1, verified_hash = ?2 WHERE id = 1")
                    .setParameter(1, lastGood)
                    .setParameter(2, previous)
                    .executeUpdate();
        }
        return Optional.empty();
    }

    /**
     * Checks one school's rows: those after the school's last verified row, or all of them when {@code full}.
     * Each row must carry its keyed hash and link to the row appended just before it (which may be another
     * school's: its hash is compared, never shown). Then, in constant time, the head must still name the
     * newest row under a valid MAC (deleted newest rows, a rewound head); a full check also counts the rows.
     * A break is reported with the row's id only when the row is this school's; a broken head has no id.
     * The school's mark moves to the last intact row, so a break is found again on the next view.
     */
    @Transactional
    public Optional<Break> checkSchool(long school, boolean full) {
        long from = 0;
        if (!full) {
            List<?> mark = em.createNativeQuery("SELECT verified_id FROM audit_school_verified WHERE school_id = ?1")
                    .setParameter(1, school)
                    .getResultList();
            from = mark.isEmpty() ? 0 : ((Number) mark.get(0)).longValue();
        }
        Long firstHashed = null;
        boolean firstHashedRead = false;
        Long lastGood = null;
        CaseAudit previous = null;
        Optional<Break> broken = Optional.empty();
        pages:
        while (true) {
            List<CaseAudit> rows = CaseAudit.find("schoolId = ?1 and id > ?2 order by id", school, from)
                    .page(0, 1000)
                    .list();
            for (CaseAudit r : rows) {
                if (!firstHashedRead) {
                    firstHashed = (Long) em.createQuery("select min(a.id) from CaseAudit a where a.rowHash is not null")
                            .getSingleResult();
                    firstHashedRead = true;
                }
                boolean intact;
                if (r.rowHash == null) {
                    // Rows from before the chain existed carry no hash; one after the first hashed row is forged.
                    intact = firstHashed == null || r.id < firstHashed;
                } else {
                    intact = hash.hex(PURPOSE, canonical(r)).equals(r.rowHash)
                            && (r.id.equals(firstHashed) || linked(r, previous));
                }
                if (!intact) {
                    broken = Optional.of(new Break(r.id, r.schoolId));
                    break pages;
                }
                lastGood = r.id;
                previous = r;
                from = r.id;
            }
            em.clear();
            if (rows.size() < 1000) {
                break;
            }
        }
        if (lastGood != null || (full && broken.isPresent())) {
            mark(school, lastGood == null ? 0 : lastGood);
        }
        return broken.isPresent() ? broken : headBroken(full);
    }

    /**
     * Whether the row's previous hash is that of the row appended just before it. When it equals the hash of
     * this school's previous row, nothing was appended between them (nor deleted since); otherwise the row
     * just before it, whatever its school, is read.
     */
    private boolean linked(CaseAudit r, CaseAudit previousOfSchool) {
        if (previousOfSchool != null
                && previousOfSchool.rowHash != null
                && previousOfSchool.rowHash.equals(r.prevHash)) {
            return true;
        }
        List<?> before = em.createNativeQuery("SELECT row_hash FROM case_audit WHERE id < ?1 ORDER BY id DESC")
                .setParameter(1, r.id)
                .setMaxResults(1)
                .getResultList();
        return !before.isEmpty() && before.get(0) != null && before.get(0).equals(r.prevHash);
    }

    /** The head names the newest row with a valid MAC; with {@code count}, the stored row count is checked too. */
    private Optional<Break> headBroken(boolean count) {
        // One statement, so that an append committing meanwhile cannot pair an old head with a new row.
        Object[] head = (Object[]) em.createNativeQuery("SELECT h.last_id, h.last_hash, h.row_count, h.head_mac, c.id,"
                        + " c.row_hash FROM audit_head h LEFT JOIN case_audit c ON c.id = (SELECT MAX(id) FROM case_audit)"
                        + " WHERE h.id = 1")
                .getSingleResult();
        if (head[3] == null) {
            return Optional.empty();
        }
        Long lastId = head[0] == null ? null : ((Number) head[0]).longValue();
        Long newestId = head[4] == null ? null : ((Number) head[4]).longValue();
        long stored = ((Number) head[2]).longValue();
        boolean intact = headMac(lastId, (String) head[1], stored).equals(head[3])
                && java.util.Objects.equals(lastId, newestId)
                && java.util.Objects.equals(head[1], head[5]);
        if (intact && count) {
            intact = stored
                    == ((Number) em.createNativeQuery("SELECT COUNT(*) FROM case_audit")
                                    .getSingleResult())
                            .longValue();
        }
        return intact ? Optional.empty() : Optional.of(new Break(null, null));
    }

    private void mark(long school, long verifiedId) {
        int updated = em.createNativeQuery("UPDATE audit_school_verified SET verified_id = ?1 WHERE school_id = ?2")
                .setParameter(1, verifiedId)
                .setParameter(2, school)
                .executeUpdate();
        if (updated == 0) {
            // Two first views at once: the second insert finds the row and changes nothing.
            em.createNativeQuery("INSERT INTO audit_school_verified (school_id, verified_id) VALUES (?1, ?2)"
                            + " ON DUPLICATE KEY UPDATE verified_id = verified_id")
                    .setParameter(1, school)
                    .setParameter(2, verifiedId)
                    .executeUpdate();
        }
    }

    static String canonical(CaseAudit r) {
        return String.join(
                "|",
                String.valueOf(r.id),
                String.valueOf(r.schoolId),
                String.valueOf(r.caseId),
                String.valueOf(r.staffId),
                r.action,
                String.valueOf(r.detail),
                r.createdAt.toString(),
                String.valueOf(r.prevHash));
    }
}
