package io.haven.casework;

import static io.haven.web.Columns.LONG_TEXT;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

/**
 * A referral decision recorded on a case: referred to police, child protection, a hotline or a
 * takedown service (with their reference numbers), or not referred (with the reason). Texts are
 * stored encrypted; the audit log only ever names the kind.
 */
@Entity
@Table(name = "case_referral")
public class CaseReferral extends PanacheEntityBase {

    static final String REFERENCE = "case.referral_reference";
    static final String REASON_NONE = "case.referral_reason_none";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public long caseId;

    @Column(name = "school_id", nullable = false)
    public long schoolId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public ReferralKind kind;

    /** Reference numbers given by the police, child protection, hotline or takedown service. */
    @Column(name = "reference_enc", length = LONG_TEXT)
    public String referenceEnc;

    /** Why the case was not referred (kind NONE). */
    @Column(name = "reason_none_enc", length = LONG_TEXT)
    public String reasonNoneEnc;

    @Column(name = "staff_id", nullable = false)
    public long staffId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Optimistic version: two people changing or removing this row at once never both succeed silently. */
    @Version
    @Column(nullable = false)
    public long version;

    public static List<CaseReferral> listByCase(long caseId) {
        return list("caseId = ?1 order by createdAt, id", caseId);
    }

    /** Whether the case went to someone outside the school (a decision other than "none"). */
    public static boolean referredOut(long caseId) {
        return count("caseId = ?1 and kind <> ?2", caseId, ReferralKind.NONE) > 0;
    }

    public static boolean existsForCase(long caseId) {
        return count("caseId", caseId) > 0;
    }

    /**
     * Retention: blanks the text of every referral of the case (reference numbers, reasons) and of a
     * pending close request, keeping kinds and dates for statistics. Needs a transaction.
     */
    public static void purgeContent(long caseId) {
        update("referenceEnc = null, reasonNoneEnc = null where caseId = ?1", caseId);
        CloseRequest.delete("caseId", caseId);
    }
}
