package io.haven.staff;

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
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A single-use link (invitation or password reset). Only the keyed hash of the token is stored. */
@Entity
@Table(name = "staff_token")
public class StaffToken extends PanacheEntityBase {

    public enum Purpose {
        INVITE,
        RESET
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 10)
    public Purpose purpose;

    @Column(name = "token_hash", nullable = false, length = 64)
    public String tokenHash;

    @Column(name = "staff_id", nullable = false)
    public long staffId;

    /** The school an invitation is for (decides the language of the mail and the page). */
    @Column(name = "school_id")
    public Long schoolId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    public boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    public static Optional<StaffToken> findByHash(Purpose purpose, String tokenHash) {
        return find("purpose = ?1 and tokenHash = ?2", purpose, tokenHash).firstResultOptional();
    }

    /** Marks every open link of this purpose for the account as used, so only the newest one works. */
    public static int retire(long staffId, Purpose purpose, Instant now) {
        return update("usedAt = ?1 where staffId = ?2 and purpose = ?3 and usedAt is null", now, staffId, purpose);
    }
}
