package io.haven.casework;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One reminder to a school's administrators that an urgent case was not acknowledged in time. */
@Entity
@Table(name = "case_escalation")
public class CaseEscalation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public long caseId;

    @Column(name = "school_id", nullable = false)
    public long schoolId;

    @Column(name = "sent_at", nullable = false)
    public Instant sentAt;

    /** How many administrators the reminder was queued for. */
    @Column(nullable = false)
    public int recipients;

    /** The reminder was (also) about the case not being acknowledged in time. */
    @Column(nullable = false)
    public boolean unacknowledged = true;

    /** How many required legal duties of the case were past their due time (0: none). */
    @Column(name = "overdue_duties", nullable = false)
    public int overdueDuties;

    public static List<CaseEscalation> listByCase(long caseId) {
        return list("caseId = ?1 order by sentAt, id", caseId);
    }

    public static Optional<Instant> lastSentAt(long caseId) {
        return find("caseId = ?1 order by sentAt desc, id desc", caseId)
                .<CaseEscalation>firstResultOptional()
                .map(e -> e.sentAt);
    }
}
