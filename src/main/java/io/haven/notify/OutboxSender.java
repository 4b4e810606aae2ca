package io.haven.notify;

import io.haven.web.Clock;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sends the outbox: one node at a time (a lease row), with retries and growing back-off, so that an
 * SMTP outage loses nothing. A mail that keeps failing is kept and shown to administrators.
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);
    static final String JOB = "mail-outbox";
    static final int MAX_ATTEMPTS = 12;

    @Inject
    Mailer mailer;

    @Inject
    JobLease lease;

    @Inject
    Clock clock;

    @Scheduled(every = "${haven.mail.send-every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (lease.acquire(JOB, Duration.ofMinutes(2))) {
            sendDue();
        }
    }

    /** Sends what is due now; returns how many went out. */
    public int sendDue() {
        List<Long> due = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMail.listDue(clock.now(), 50).stream().map(m -> m.id).toList());
        int sent = 0;
        for (Long id : due) {
            OutboxMail m = QuarkusTransaction.requiringNew().call(() -> OutboxMail.findById(id));
            try {
                mailer.send(Mail.withText(m.recipient, m.subject, m.bodyText));
                QuarkusTransaction.requiringNew().run(() -> {
                    OutboxMail row = OutboxMail.findById(id);
                    row.sentAt = clock.now();
                    row.attempts++;
                });
                sent++;
            } catch (RuntimeException e) {
                String reason = causes(e);
                QuarkusTransaction.requiringNew().run(() -> failed(OutboxMail.findById(id), reason));
                // The id only: recipients and subjects stay out of the log.
                LOG.warnf("Mail %d not sent (%s); will retry", id, reason);
            }
        }
        return sent;
    }

    /** The exception's class and its causes' ("CompletionException < SMTPException"): no message, which may name a recipient. */
    static String causes(Throwable e) {
        StringBuilder out = new StringBuilder(e.getClass().getSimpleName());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            out.append(" < ").append(c.getClass().getSimpleName());
        }
        return out.toString();
    }

    private void failed(OutboxMail row, String reason) {
        Instant now = clock.now();
        row.attempts++;
        row.lastError = reason.length() > 500 ? reason.substring(0, 500) : reason;
        if (row.attempts >= MAX_ATTEMPTS) {
            row.failedAt = now;
        } else {
            row.nextAttemptAt = now.plus(backoff(row.attempts));
        }
    }

    /** 1, 2, 4 ... minutes, at most an hour. */
    static Duration backoff(int attempts) {
        return Duration.ofMinutes(Math.min(60, 1L << Math.min(attempts - 1, 6)));
    }
}
