package io.haven.web;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A one-time form token that was used, kept as its keyed hash (see {@link FormOnce}). */
@Entity
@Table(name = "form_token_use")
public class FormTokenUse extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash", nullable = false, length = 64)
    public String tokenHash;

    @Column(name = "used_at", nullable = false)
    public Instant usedAt;

    /**
     * Uses the token up inside the caller's transaction: true the first time, false when it was used
     * already. Two requests racing with one token both pass the look-up, and the primary key refuses
     * the second insert at commit, which rolls that whole change back.
     */
    public static boolean claim(String tokenHash, Instant now) {
        if (findById(tokenHash) != null) {
            return false;
        }
        FormTokenUse use = new FormTokenUse();
        use.tokenHash = tokenHash;
        // To the minute, like the report itself: these rows sit beside reports and replies in the database.
        use.usedAt = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        use.persist();
        use.flush();
        return true;
    }

    public static boolean isUsed(String tokenHash) {
        return count("tokenHash", tokenHash) > 0;
    }

    static long deleteUsedBefore(Instant cutoff) {
        return delete("usedAt < ?1", cutoff);
    }
}
