package io.haven.casework;

import static io.haven.web.Columns.LONG_TEXT;

import io.haven.report.Outcome;
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
import java.util.Optional;

/**
 * A request to close a case about an intimate image or sextortion, waiting for a second member of
 * staff to confirm. Holds the proposed outcome; at most one per case.
 */
@Entity
@Table(name = "case_close_request")
public class CloseRequest extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public long caseId;

    @Column(name = "school_id", nullable = false)
    public long schoolId;

    @Column(name = "requested_by", nullable = false)
    public long requestedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public Outcome outcome;

    /** The proposed reason (false or malicious), encrypted like the case's outcome reason. */
    @Column(name = "reason_enc", length = LONG_TEXT)
    public String reasonEnc;

    @Column(name = "duplicate_of_id")
    public Long duplicateOfId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Optimistic version: two people changing or removing this row at once never both succeed silently. */
    @Version
    @Column(nullable = false)
    public long version;

    public static Optional<CloseRequest> findByCase(long caseId) {
        return find("caseId", caseId).firstResultOptional();
    }
}
