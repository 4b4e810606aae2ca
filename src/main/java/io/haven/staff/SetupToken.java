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

/** A first-run setup link, kept as the keyed hash of its token so that any node accepts it. */
@Entity
@Table(name = "setup_token")
public class SetupToken extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "token_hash", nullable = false, length = 64)
    public String tokenHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    public static Optional<SetupToken> findUsable(String tokenHash, Instant now) {
        return find("tokenHash = ?1 and usedAt is null and expiresAt > ?2", tokenHash, now)
                .firstResultOptional();
    }

    /** Uses the token up; 1 if this call did, 0 if it was used, expired or unknown (another node was first). */
    public static int use(String tokenHash, Instant now) {
        return update("usedAt = ?1 where tokenHash = ?2 and usedAt is null and expiresAt > ?1", now, tokenHash);
    }
}
