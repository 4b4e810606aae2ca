package io.haven.notify;

import static io.haven.web.Columns.LONG_TEXT;

import io.haven.crypto.FieldCipher;
import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * A mail waiting to be sent. Mail is written here in the same transaction as the change it reports.
 * Subject and body are encrypted ({@link FieldCipher}): bodies hold invitation and reset links.
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail extends PanacheEntityBase {

    static final String SUBJECT = "mail.subject";
    static final String BODY = "mail.body";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 320)
    public String recipient;

    /** Encrypted; read it with {@link #subject()}. */
    @Column(name = "subject", nullable = false, length = 1500)
    public String subjectEnc;

    /** Encrypted; read it with {@link #bodyText()}. */
    @Column(name = "body_text", nullable = false, length = LONG_TEXT)
    public String bodyEnc;

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

    /** Set only on mail given up by earlier versions; such mail waits for an administrator's "resend". */
    @Column(name = "failed_at")
    public Instant failedAt;

    /** The sender that is sending this mail now, until {@link #claimedUntil}. */
    @Column(name = "claim_token", length = 40)
    public String claimToken;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    public String subject() {
        return open(SUBJECT, subjectEnc);
    }

    public String bodyText() {
        return open(BODY, bodyEnc);
    }

    /** Sets subject and body, encrypted. */
    public void seal(String subject, String bodyText) {
        FieldCipher cipher = cipher();
        subjectEnc = cipher.encrypt(SUBJECT, subject);
        bodyEnc = cipher.encrypt(BODY, bodyText);
    }

    /** Rows queued before mail was encrypted hold plain text until the sender's sweep encrypts them. */
    private static String open(String context, String stored) {
        return isSealed(stored) ? cipher().decrypt(context, stored) : stored;
    }

    static boolean isSealed(String stored) {
        return stored != null && stored.startsWith("v1:");
    }

    private static FieldCipher cipher() {
        return Arc.container().instance(FieldCipher.class).get();
    }

    /** Ids of mail due now that no sender is sending, oldest due first. */
    public static List<Long> listDueIds(Instant now, int limit) {
        return getEntityManager()
                .createQuery(
                        "select m.id from OutboxMail m where m.sentAt is null and m.failedAt is null"
                                + " and m.nextAttemptAt <= ?1 and (m.claimedUntil is null or m.claimedUntil < ?1) order by m.nextAttemptAt",
                        Long.class)
                .setParameter(1, now)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Mail not sent yet that has failed at least once (or was given up by an earlier version), newest first. */
    public static List<OutboxMail> listUndelivered(Collection<String> recipients) {
        return recipients.isEmpty()
                ? List.of()
                : list(
                        "sentAt is null and (attempts > 0 or failedAt is not null) and recipient in ?1 order by createdAt desc",
                        recipients);
    }

    public static List<OutboxMail> listFailed() {
        return list("failedAt is not null order by failedAt desc");
    }

    public static List<OutboxMail> listTo(String recipient) {
        return list("recipient = ?1 order by id", recipient);
    }
}
