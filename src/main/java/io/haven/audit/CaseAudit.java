package io.haven.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** Who looked at or changed which case, and when. Rows are only ever added. */
@Entity
@Table(name = "case_audit")
public class CaseAudit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "school_id", nullable = false)
    public long schoolId;

    @Column(name = "case_id")
    public Long caseId;

    @Column(name = "staff_id")
    public Long staffId;

    @Column(nullable = false, length = 40)
    public String action;

    /** What changed, never content: "status NEW -> ACKNOWLEDGED", "assignee 12". */
    @Column(length = 500)
    public String detail;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The keyed hash of the row before this one: a deleted or inserted row breaks the chain. */
    @Column(name = "prev_hash", length = 64)
    public String prevHash;

    /** The keyed hash of this row's values and prevHash (see {@link AuditChain}). */
    @Column(name = "row_hash", length = 64)
    public String rowHash;

    public static List<CaseAudit> listByCase(long caseId) {
        return list("caseId = ?1 order by id", caseId);
    }
}
