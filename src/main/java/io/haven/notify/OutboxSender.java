package io.haven.notify;

import io.haven.jobs.JobLease;
import io.haven.web.Clock;
import io.haven.web.HavenConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.scheduler.Scheduled;
import io.vertx.ext.mail.MailMessage;
import io.vertx.mutiny.ext.mail.MailClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends the outbox with retries and a capped back-off, so that an SMTP outage loses nothing. The job
 * runs on one node at a time (a lease row), but exactly-once does not rest on the lease: each mail is
 * claimed on its own (a token and an expiry on its row, set by a conditional update), sent only by the
 * claim's holder, and marked sent in its own short transaction. A send slower than the lease therefore
 * never lets a second node send the same mail. Sent mail is deleted after {@code haven.mail.keep-sent}.
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);
    static final String JOB = "mail-outbox";
    static final int BATCH = 50;
    /** How long a claim holds: far longer than one send may take (the mailer gives up after quarkus.mailer.timeout, 60 s). */
    static final Duration CLAIM = Duration.ofMinutes(10);
    /** The longest wait between two tries: mail is never given up, a notice queued in an outage goes soon after it. */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(15);

    /** Only for the mailer's mock mode (the demo run), which logs mail instead of sending it. */
    @Inject
    Mailer mailer;

    /**
     * The SMTP client under Quarkus' mailer, used directly: the mailer always hands it a (possibly empty) Cc
     * list, and an empty list becomes an empty "Cc:" header in every mail.
     */
    @Inject
    Instance<MailClient> smtp;

    @ConfigProperty(name = "quarkus.mailer.mock")
    Optional<Boolean> mock;

    @ConfigProperty(name = "quarkus.mailer.from")
    Optional<String> from;

    @ConfigProperty(name = "quarkus.mailer.timeout", defaultValue = "60s")
    Duration timeout;

    @Inject
    JobLease lease;

    @Inject
    Clock clock;

    @Inject
    HavenConfig config;

    @Scheduled(every = "${haven.mail.send-every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        lease.run(JOB, Duration.ofMinutes(2), () -> {
            sendDue();
            sweep();
        });
    }

    /**
     * Sends what is due now; returns how many went out (by this sender). When a send succeeds after
     * failures, the SMTP server is back: mail waiting for its next try is sent in the same run.
     */
    public int sendDue() {
        int sent = 0;
        for (int round = 0; round < 2; round++) {
            int[] result = batch();
            sent += result[0];
            if (result[1] == 0) {
                break;
            }
        }
        return sent;
    }

    /** One batch: {sent, waiting mail made due again}. */
    private int[] batch() {
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> OutboxMail.listDueIds(clock.now(), BATCH));
        int sent = 0;
        int woken = 0;
        for (Long id : due) {
            if (lease.stopping()) {
                break;
            }
            String token = UUID.randomUUID().toString();
            Outgoing mail;
            try {
                mail = QuarkusTransaction.requiringNew().call(() -> claim(id, token));
            } catch (RuntimeException unreadable) {
                // For example a value under a key no longer in the ring: the claim was rolled back; this mail
                // waits its back-off instead of stopping every batch at the same row.
                String reason = causes(unreadable);
                QuarkusTransaction.requiringNew().run(() -> failed(id, null, reason, false));
                LOG.warnf("Mail %d could not be prepared (%s); will retry", id, reason);
                continue;
            }
            if (mail == null) {
                continue; // another sender has it, or it has gone out meanwhile
            }
            try {
                send(mail);
            } catch (RuntimeException e) {
                String reason = causes(e);
                boolean unknownOutcome = timedOut(e);
                QuarkusTransaction.requiringNew().run(() -> failed(id, token, reason, unknownOutcome));
                // The id only: recipients and subjects stay out of the log.
                LOG.warnf("Mail %d not sent (%s); will retry", id, reason);
                continue;
            }
            boolean first = sent == 0;
            woken += QuarkusTransaction.requiringNew().call(() -> markSent(id, first));
            sent++;
        }
        return new int[] {sent, woken};
    }

    /**
     * Claims one mail for this sender if it is still due and nobody else's, and builds it; null otherwise.
     * The conditional update is the check: of two senders, exactly one changes the row.
     */
    private Outgoing claim(long id, String token) {
        Instant now = clock.now();
        int claimed = OutboxMail.update(
                "claimToken = ?1, claimedUntil = ?2 where id = ?3 and sentAt is null and failedAt is null"
                        + " and nextAttemptAt <= ?4 and (claimedUntil is null or claimedUntil < ?4)",
                token,
                now.plus(CLAIM),
                id,
                now);
        if (claimed != 1) {
            return null;
        }
        OutboxMail row = OutboxMail.findById(id);
        if (row == null || row.sentAt != null || !token.equals(row.claimToken)) {
            return null;
        }
        return new Outgoing(row.recipient, row.subject(), row.bodyText());
    }

    /** A claimed mail, decrypted, on its way out. */
    private record Outgoing(String to, String subject, String text) {}

    private void send(Outgoing m) {
        if (mock.orElse(LaunchMode.current().isDevOrTest())) {
            mailer.send(Mail.withText(m.to(), m.subject(), m.text()));
            return;
        }
        // No Cc or Bcc set: the message carries only the headers it needs.
        MailMessage message =
                new MailMessage().setTo(List.of(m.to())).setSubject(m.subject()).setText(m.text());
        from.ifPresent(message::setFrom);
        smtp.get().sendMail(message).await().atMost(timeout);
    }

    /** Marks one mail sent; after the first success of a batch, wakes mail waiting for a retry. Returns how many woke. */
    private int markSent(long id, boolean wakeWaiting) {
        Instant now = clock.now();
        OutboxMail.update(
                "sentAt = ?1, attempts = attempts + 1, claimToken = null, claimedUntil = null where id = ?2 and sentAt is null",
                now,
                id);
        if (!wakeWaiting) {
            return 0;
        }
        return OutboxMail.update(
                "nextAttemptAt = ?1 where sentAt is null and failedAt is null and attempts > 0 and nextAttemptAt > ?1"
                        + " and (claimedUntil is null or claimedUntil < ?1)",
                now);
    }

    /** Records a failed try of a mail this sender claimed (token), or could not even claim (null). */
    private void failed(long id, String token, String reason, boolean unknownOutcome) {
        OutboxMail row = OutboxMail.findById(id);
        if (row == null || row.sentAt != null || token != null && !token.equals(row.claimToken)) {
            return;
        }
        Instant now = clock.now();
        row.attempts++;
        row.lastError = reason.length() > 500 ? reason.substring(0, 500) : reason;
        Instant next = now.plus(backoff(row.attempts));
        // A send that timed out may still complete: nobody tries it again before its claim would have ended.
        if (unknownOutcome && row.claimedUntil != null && row.claimedUntil.isAfter(next)) {
            next = row.claimedUntil;
        }
        row.nextAttemptAt = next;
        row.claimToken = null;
        row.claimedUntil = null;
    }

    /**
     * Deletes sent mail older than {@code haven.mail.keep-sent}, and encrypts mail queued in plain text
     * by an earlier version. Returns how many rows were deleted.
     */
    public int sweep() {
        Instant before = clock.now().minus(config.mail().keepSent());
        long deleted = QuarkusTransaction.requiringNew().call(() -> OutboxMail.delete("sentAt < ?1", before));
        QuarkusTransaction.requiringNew()
                .run(() -> OutboxMail.<OutboxMail>find("bodyEnc not like 'v1:%' or subjectEnc not like 'v1:%'")
                        .page(0, 500)
                        .list()
                        .forEach(m -> m.seal(m.subject(), m.bodyText())));
        return (int) deleted;
    }

    /** The exception's class and its causes' ("CompletionException < SMTPException"): no message, which may name a recipient. */
    static String causes(Throwable e) {
        StringBuilder out = new StringBuilder(e.getClass().getSimpleName());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            out.append(" < ").append(c.getClass().getSimpleName());
        }
        return out.toString();
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof TimeoutException || c.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    /** 1, 2, 4, 8 minutes, then every 15 minutes for as long as it takes. */
    static Duration backoff(int attempts) {
        Duration d = Duration.ofMinutes(1L << Math.min(Math.max(attempts - 1, 0), 4));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }
}
