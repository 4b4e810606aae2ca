package io.haven.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.haven.jobs.JobLease;
import io.haven.web.Clock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Mail survives an SMTP outage: it is sent once the server is back, against a real SMTP server. */
@QuarkusTest
class OutboxSenderTest {

    @Inject
    MailOutbox outbox;

    @Inject
    OutboxSender sender;

    @Inject
    Clock clock;

    @Inject
    JobLease lease;

    @AfterEach
    void tearDown() {
        clock.reset();
        TestSmtp.up();
    }

    @Test
    void mailQueuedWhileSmtpIsDownIsSentWhenItComesBack() throws Exception {
        String to = "outage-" + System.nanoTime() + "@school.test";
        TestSmtp.down();
        QuarkusTransaction.requiringNew().run(() -> outbox.queue(to, "A new report is waiting", "Sign in to read it."));

        sender.sendDue();
        OutboxMail after = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMail.listTo(to).get(0));
        assertThat(after.sentAt).isNull();
        assertThat(after.attempts).isEqualTo(1);
        assertThat(after.nextAttemptAt).isAfter(after.createdAt);

        GreenMail smtp = TestSmtp.fresh();
        // The server is back: the first mail that goes through wakes the one waiting for its back-off.
        String fresh = "fresh-" + System.nanoTime() + "@school.test";
        QuarkusTransaction.requiringNew()
                .run(() -> outbox.queue(fresh, "Another report is waiting", "Sign in to read it."));
        TestSmtp.flush(sender); // other tests' mail may be due as well
        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).equals(fresh)))
                .hasSize(1);
        List<MimeMessage> got = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> to(m).equals(to))
                .toList();
        assertThat(got).as("sent at once, without waiting out its back-off").hasSize(1);
        assertThat(got.get(0).getSubject()).isEqualTo("A new report is waiting");
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> OutboxMail.listTo(to).get(0).sentAt))
                .isNotNull();

        sender.sendDue();
        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).equals(to)))
                .as("sent once only")
                .hasSize(1);
    }

    /**
     * A pooled connection that the server closed while it sat idle ("421 ... socket timeout", as GreenMail
     * and real servers do) is not used for the next mail: that mail goes out at its first attempt.
     */
    @Test
    void aConnectionLeftIdlePastTheServersTimeoutIsNotUsedAgain() throws Exception {
        GreenMail smtp = TestSmtp.fresh();
        String first = "idle-1-" + System.nanoTime() + "@school.test";
        QuarkusTransaction.requiringNew().run(() -> outbox.queue(first, "A report is waiting", "Sign in to read it."));
        TestSmtp.flush(sender);
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(OutboxSenderTest::to))
                .contains(first);

        Thread.sleep(TestSmtp.IDLE_TIMEOUT_MILLIS + 2_000);
        String second = "idle-2-" + System.nanoTime() + "@school.test";
        QuarkusTransaction.requiringNew().run(() -> outbox.queue(second, "Another report", "Sign in to read it."));
        sender.sendDue();
        OutboxMail row = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMail.listTo(second).get(0));
        assertThat(row.lastError).as("no error from a stale pooled connection").isNull();
        assertThat(row.sentAt).as("sent at the first attempt").isNotNull();
        assertThat(row.attempts).isEqualTo(1);
    }

    static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }

    @Test
    void onlyOneNodeHoldsTheLease() {
        assertThat(lease.acquire("test-job", Duration.ofMinutes(1))).isTrue();
        assertThat(lease.acquire("test-job", Duration.ofMinutes(1)))
                .as("the same node renews")
                .isTrue();
        QuarkusTransaction.requiringNew()
                .run(() -> OutboxMail.getEntityManager()
                        .createNativeQuery("UPDATE job_lease SET holder = 'another-node' WHERE name = 'test-job'")
                        .executeUpdate());
        assertThat(lease.acquire("test-job", Duration.ofMinutes(1)))
                .as("held elsewhere")
                .isFalse();
        clock.advance(Duration.ofMinutes(2));
        assertThat(lease.acquire("test-job", Duration.ofMinutes(1)))
                .as("expired lease is taken over")
                .isTrue();
    }

    @Test
    void backoffGrowsToFifteenMinutes() {
        assertThat(OutboxSender.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutboxSender.backoff(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(OutboxSender.backoff(5)).isEqualTo(Duration.ofMinutes(15));
        assertThat(OutboxSender.backoff(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(OutboxSender.backoff(10_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void mailIsNeverGivenUpDuringALongOutage() {
        String to = "weekend-" + System.nanoTime() + "@school.test";
        TestSmtp.down();
        QuarkusTransaction.requiringNew().run(() -> outbox.queue(to, "A report is waiting", "Sign in to read it."));
        // A weekend without SMTP (nothing listens on the test port): 200 tries, 15 minutes apart at most.
        for (int i = 0; i < 200; i++) {
            sender.sendDue();
            OutboxMail m = QuarkusTransaction.requiringNew()
                    .call(() -> OutboxMail.listTo(to).get(0));
            assertThat(m.failedAt).as("never given up").isNull();
            assertThat(Duration.between(clock.now(), m.nextAttemptAt)).isLessThanOrEqualTo(Duration.ofMinutes(15));
            clock.advance(Duration.between(clock.now(), m.nextAttemptAt).plusSeconds(1));
        }
        OutboxMail after = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMail.listTo(to).get(0));
        assertThat(after.attempts).isEqualTo(200);
        assertThat(after.sentAt).isNull();
        QuarkusTransaction.requiringNew().run(() -> OutboxMail.delete("recipient", to));
    }
}
