package io.haven.notify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A mail waiting to be sent. Mail is written here in the same transaction as the change it reports. */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 320)
    public String recipient;

    @Column(nullable = false, length = 300)
    public String subject;

    // Not @Lob: H2 in MariaDB mode reads the migration's LONGTEXT back as VARCHAR, so a CLOB mapping
    // fails schema validation there. A String named LONGTEXT validates on both (VARCHAR on H2, by name on MariaDB).
    @Column(name = "body_text", nullable = false, columnDefinition = "LONGTEXT")
    public String bodyText;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error", length = 500)
    public String lastError;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "failed_at")
    public Instant failedAt;

    public static List<OutboxMail> listDue(Instant now, int limit) {
        return find("sentAt is null and failedAt is null and nextAttemptAt <= ?1 order by nextAttemptAt", now)
                .page(0, limit).list();
    }

    public static List<OutboxMail> listFailed() {
        return list("failedAt is not null order by failedAt desc");
    }

    public static List<OutboxMail> listTo(String recipient) {
        return list("recipient = ?1 order by id", recipient);
    }
}
