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
        m.subject = subject.replaceAll("\\p{Cntrl}+", " ").strip();
        m.bodyText = bodyText;
        m.createdAt = clock.now();
        m.nextAttemptAt = m.createdAt;
        m.persist();
        return m;
    }
}
