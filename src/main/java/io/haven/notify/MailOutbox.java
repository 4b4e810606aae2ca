package io.haven.notify;

import io.haven.web.Clock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Queues mail in the database, inside the caller's transaction: if the change is committed, its mail
 * will be sent, even if the SMTP server is down right now (see {@link OutboxSender}).
 */
@ApplicationScoped
public class MailOutbox {

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxMail queue(String recipient, String subject, String bodyText) {
        OutboxMail m = new OutboxMail();
        m.recipient = recipient;
        // A header never carries a line break or other control character: a school name that held one
        // would make the send fail (and so silence a notice), or inject a header.
        m.seal(subject.replaceAll("\\p{Cntrl}+", " ").strip(), bodyText);
        m.createdAt = clock.now();
        m.nextAttemptAt = m.createdAt;
        m.persist();
        return m;
    }

    /**
     * Sends a mail again at once: one that failed to go out so far, or that an earlier version gave up.
     * The back-off starts over. Returns false when the mail has gone out meanwhile (or does not exist).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean resend(long id) {
        return OutboxMail.update(
                        "failedAt = null, attempts = 0, nextAttemptAt = ?1 where id = ?2 and sentAt is null",
                        clock.now(),
                        id)
                == 1;
    }
}
