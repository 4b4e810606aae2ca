package io.haven.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import static io.haven.web.Columns.LONG_TEXT;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * An anonymous report and the case it becomes. Everything the reporter wrote is stored encrypted
 * (columns ending in _enc); the receipt is stored only as a keyed hash. Nothing here can point to
 * the reporter: no address, no user agent, no class seat.
 */
@Entity
@Table(name = "report_case")
public class ReportCase extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "school_id", nullable = false)
    public long schoolId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public Category category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Affected affected;

    @Column(name = "danger_now", nullable = false)
    public boolean dangerNow;

    @Column(nullable = false)
    public boolean urgent;

    /** Sent while the school was past its hourly volume: accepted, and shown to administrators. */
    @Column(name = "volume_flagged", nullable = false)
    public boolean volumeFlagged;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public CaseStatus status;

    @Column(name = "receipt_hash", nullable = false, length = 64)
    public String receiptHash;

    @Column(nullable = false, length = 8)
    public String language;

    @Column(name = "where_enc", length = LONG_TEXT)
    public String whereEnc;

    @Column(name = "when_enc", length = LONG_TEXT)
    public String whenEnc;

    @Column(name = "body_enc", length = LONG_TEXT)
    public String bodyEnc;

    @Column(name = "contact_enc", length = LONG_TEXT)
    public String contactEnc;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "acknowledge_by", nullable = false)
    public Instant acknowledgeBy;

    @Column(name = "review_by", nullable = false)
    public Instant reviewBy;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "assignee_id")
    public Long assigneeId;

    /** A concern about an adult at the school, marked as being about this staff member: they never see it. */
    @Column(name = "about_staff_id")
    public Long aboutStaffId;

    public static Optional<ReportCase> findByReceiptHash(String hash) {
        return find("receiptHash", hash).firstResultOptional();
    }

    public static long countSince(long schoolId, Instant since) {
        return count("schoolId = ?1 and createdAt >= ?2", schoolId, since);
    }
}
