package io.haven.staff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A one-time recovery code, kept only as a keyed hash. */
@Entity
@Table(name = "staff_recovery_code")
public class RecoveryCode extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "staff_id", nullable = false)
    public long staffId;

    @Column(name = "code_hash", nullable = false, length = 64)
    public String codeHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "used_at")
    public Instant usedAt;

    public static Optional<RecoveryCode> findUnused(long staffId, String codeHash) {
        return find("staffId = ?1 and codeHash = ?2 and usedAt is null", staffId, codeHash)
                .firstResultOptional();
    }

    public static long countUnused(long staffId) {
        return count("staffId = ?1 and usedAt is null", staffId);
    }

    public static long deleteByStaff(long staffId) {
        return delete("staffId", staffId);
    }
}
