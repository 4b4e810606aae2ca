package io.haven.notify;

import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Where the tests' GreenMail listens: the mailer's %test port, movable with -Dtest.smtp.port. */
public final class TestSmtp {

    private TestSmtp() {}

    public static ServerSetup setup() {
        return new ServerSetup(Integer.getInteger("test.smtp.port", 3025), "127.0.0.1", "smtp");
    }

    /**
     * Sends every due mail; returns how many went out. On a loaded machine a send to the test server
     * now and then stalls until the SMTP client gives up (an SMTPException, not a refused connection);
     * such a mail is tried again at once, up to three more rounds, instead of after its back-off, so
     * that a test about what mail says is not decided by the machine's load. Mail that failed because
     * no server listened keeps its back-off: the outage tests depend on it.
     */
    public static int flush(OutboxSender sender) {
        int total = 0;
        for (int round = 0; round < 4; round++) {
            for (int sent = sender.sendDue(); sent > 0; sent = sender.sendDue()) {
                total += sent;
            }
            long stalled = QuarkusTransaction.requiringNew()
                    .call(() -> OutboxMail.update(
                            "nextAttemptAt = createdAt where sentAt is null and lastError like ?1", "%SMTPException%"));
            if (stalled == 0) {
                break;
            }
        }
        return total;
    }
}
