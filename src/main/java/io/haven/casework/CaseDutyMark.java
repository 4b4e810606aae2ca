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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a member of staff recorded about one legal duty of a case. Rows are only added: the newest row
 * of a duty is its state, the older ones stay as its history (and in the audit chain).
 */
@Entity
@Table(name = "case_duty_mark")
public class CaseDutyMark extends PanacheEntityBase {

    /** Done, or judged not to apply (with a reason). */
    public enum State {
        DONE,
        NOT_APPLICABLE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public long caseId;

    @Column(name = "school_id", nullable = false)
    public long schoolId;

    @Column(name = "duty_id", nullable = false, length = 60)
    public String dutyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public State state;

    /** When the duty was done, as staff said (or when they marked it); null when not applicable. */
    @Column(name = "done_at")
    public Instant doneAt;

    /** A reference number (police, referral), encrypted. */
    @Column(name = "reference_enc", length = LONG_TEXT)
    public String referenceEnc;

    /** Why the duty does not apply, encrypted. */
    @Column(name = "reason_enc", length = LONG_TEXT)
    public String reasonEnc;

    @Column(name = "staff_id", nullable = false)
    public long staffId;

    @Column(name = "marked_at", nullable = false)
    public Instant markedAt;

    /** The newest mark of each duty of the case, by duty id. */
    public static Map<String, CaseDutyMark> latestByCase(long caseId) {
        Map<String, CaseDutyMark> out = new LinkedHashMap<>();
        List<CaseDutyMark> all = list("caseId = ?1 order by id", caseId);
        all.forEach(m -> out.put(m.dutyId, m));
        return out;
    }

    /** Retention: the texts go with the rest of the case's content; what was done and when stays. */
    public static void purgeContent(long caseId) {
        update("referenceEnc = null, reasonEnc = null where caseId = ?1", caseId);
    }
}
