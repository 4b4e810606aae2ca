package io.haven.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.haven.crypto.EncryptedColumns;
import io.haven.jobs.JobLease;
import io.haven.jobs.TestLeases;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.web.Clock;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Exactly-once delivery across nodes, no empty headers, mail encrypted at rest and deleted after sending, leases given back. */
@QuarkusTest
class OutboxDeliveryTest {

    @Inject
    MailOutbox outbox;

    @Inject
    OutboxSender sender;

    @Inject
    JobLease lease;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    StaffFixtures staff;

    @Inject
    Instance<EncryptedColumns> registries;

    @AfterEach
    void tearDown() {
        clock.reset();
        TestLeases.resume(lease);
    }

    /** Another portal node on the same database: its own lease identity. */
    JobLease otherNode() {
        return TestLeases.otherNode(em, clock);
    }

    @Test
    void aSendSlowerThanTheLeaseIsNeverRepeatedByASecondNode() throws Exception {
        String run = Long.toString(System.nanoTime());
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            recipients.add("slow-" + i + "-" + run + "@school.test");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE job_lease SET expires_at = ?1 WHERE name = ?2")
                    .setParameter(1, Instant.EPOCH.plusSeconds(1))
                    .setParameter(2, OutboxSender.JOB)
                    .executeUpdate();
            recipients.forEach(r -> outbox.queue(r, "A report is waiting", "Sign in to read it."));
        });
        GreenMail smtp = TestSmtp.fresh();
        TestSmtp.slow(1500);
        try {
            // Node A takes the lease and starts its batch; each send takes 1.5 s.
            long start = System.nanoTime();
            AtomicInteger sentByA = new AtomicInteger();
            AtomicInteger sentByB = new AtomicInteger();
            // Two threads of their own (the common pool may have a single thread on a small machine).
            ExecutorService nodes = Executors.newFixedThreadPool(2);
            CompletableFuture<Void> a = CompletableFuture.runAsync(
                    () -> lease.run(OutboxSender.JOB, Duration.ofMinutes(2), () -> sentByA.addAndGet(sender.sendDue())),
                    nodes);
            waitFor(() -> QuarkusTransaction.requiringNew()
                            .call(() -> OutboxMail.count("claimToken is not null and recipient in ?1", recipients))
                    > 0);
            // The batch outlives the 2-minute lease: node B takes the lease over and sends too, at the same time.
            clock.advance(Duration.ofMinutes(3));
            JobLease nodeB = otherNode();
            CompletableFuture<Void> b = CompletableFuture.runAsync(
                    () -> assertThat(nodeB.run(
                                    OutboxSender.JOB, Duration.ofMinutes(2), () -> sentByB.addAndGet(sender.sendDue())))
                            .as("the lease expired under node A")
                            .isTrue(),
                    nodes);
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);
            nodes.shutdown();
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(sentByA.get()).as("node A sent some").isPositive();
            assertThat(sentByB.get())
                    .as("node B worked on the same backlog at the same time")
                    .isPositive();
            assertThat(tookMillis).as("two sends each, 1.5 s each").isGreaterThanOrEqualTo(3000);
            TestSmtp.flush(sender);

            Map<String, Long> received = Arrays.stream(smtp.getReceivedMessages())
                    .map(OutboxSenderTest::to)
                    .filter(recipients::contains)
                    .collect(Collectors.groupingBy(r -> r, Collectors.counting()));
            assertThat(received)
                    .as("each mail exactly once")
                    .containsOnlyKeys(recipients)
                    .allSatisfy((r, n) -> assertThat(n).isEqualTo(1));
            List<OutboxMail> rows =
                    QuarkusTransaction.requiringNew().call(() -> OutboxMail.list("recipient in ?1", recipients));
            assertThat(rows).allSatisfy(m -> {
                assertThat(m.sentAt).isNotNull();
                assertThat(m.attempts).isEqualTo(1);
                assertThat(m.claimToken).isNull();
            });
        } finally {
            TestSmtp.fast();
        }
    }

    @Test
    void noMailCarriesAnEmptyCcHeader() throws Exception {
        String to = "cc-" + System.nanoTime() + "@school.test";
        QuarkusTransaction.requiringNew().run(() -> outbox.queue(to, "A report is waiting", "Sign in to read it."));
        GreenMail smtp = TestSmtp.fresh();
        TestSmtp.flush(sender);
        MimeMessage got = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> OutboxSenderTest.to(m).equals(to))
                .findFirst()
                .orElseThrow();
        String raw = GreenMailUtil.getWholeMessage(got);
        assertThat(raw).containsPattern("(?im)^To: " + to);
        assertThat(raw).doesNotContainPattern("(?im)^Cc:").doesNotContainPattern("(?im)^Bcc:");
        assertThat(got.getHeader("Cc")).isNull();
    }

    @Test
    void linksAreNeverStoredInClearAndSentMailIsDeletedAfterKeepSent() throws Exception {
        long school = staff.school("en");
        StaffFixtures.Account teacher = staff.account(school, false, Role.TEACHER);
        FormSession b = new FormSession();
        b.get("/staff/password-reset");
        assertThat(b.post("/staff/password-reset", Map.of("email", teacher.email()))
                        .statusCode())
                .isEqualTo(303);
        String body = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMail.listTo(teacher.email()).get(0).bodyText());
        assertThat(body).as("the accessor decrypts").contains("/staff/password-reset/new?token=");

        // What a database or backup reader sees: every column of every row, as stored.
        @SuppressWarnings("unchecked")
        List<Object[]> dump = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("SELECT * FROM mail_outbox").getResultList());
        String raw = dump.stream().flatMap(Arrays::stream).map(String::valueOf).collect(Collectors.joining("\n"));
        assertThat(raw)
                .contains(teacher.email())
                .doesNotContain(
                        "token=",
                        "/staff/password-reset",
                        "/staff/invitation",
                        "Reset your Haven password",
                        "Sign in to read it");
        assertThat(registries.stream().flatMap(r -> r.columns().stream()).map(c -> c.table() + "." + c.column()))
                .as("key rotation moves them")
                .contains("mail_outbox.body_text", "mail_outbox.subject");

        GreenMail smtp = TestSmtp.fresh();
        TestSmtp.flush(sender);
        assertThat(Arrays.stream(smtp.getReceivedMessages())
                        .filter(m -> OutboxSenderTest.to(m).equals(teacher.email()))
                        .map(GreenMailUtil::getBody))
                .singleElement()
                .asString()
                .contains("token=");
        sender.sweep();
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMail.listTo(teacher.email())))
                .as("kept for a while")
                .hasSize(1);
        clock.advance(Duration.ofHours(25));
        sender.sweep();
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMail.listTo(teacher.email())))
                .as("deleted after 24 h")
                .isEmpty();
        staff.reset();
    }

    @Test
    void mailQueuedInClearByAnEarlierVersionIsEncryptedBySweep() {
        String to = "legacy-" + System.nanoTime() + "@school.test";
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "INSERT INTO mail_outbox (recipient, subject, body_text,"
                                        + " created_at, next_attempt_at, attempts) VALUES (?1, 'Invitation', 'https://x.test/staff/invitation?token=abc', ?2, ?2, 0)")
                        .setParameter(1, to)
                        .setParameter(2, clock.now())
                        .executeUpdate());
        sender.sweep();
        Object[] row = (Object[]) QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("SELECT subject, body_text FROM mail_outbox WHERE recipient = ?1")
                        .setParameter(1, to)
                        .getSingleResult());
        assertThat((String) row[0]).startsWith("v1:");
        assertThat((String) row[1]).startsWith("v1:").doesNotContain("token=");
        OutboxMail m = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMail.listTo(to).get(0));
        assertThat(m.subject()).isEqualTo("Invitation");
        assertThat(m.bodyText()).isEqualTo("https://x.test/staff/invitation?token=abc");
        QuarkusTransaction.requiringNew().run(() -> OutboxMail.delete("recipient", to));
    }

    @Test
    void aMailThatCannotBeDecryptedDoesNotHoldUpTheOthers() throws Exception {
        String bad = "unreadable-" + System.nanoTime() + "@school.test";
        String good = "readable-" + System.nanoTime() + "@school.test";
        Instant earlier = clock.now().minusSeconds(60);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("INSERT INTO mail_outbox (recipient, subject, body_text,"
                                + " created_at, next_attempt_at, attempts) VALUES (?1, 'v1:gone:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',"
                                + " 'v1:gone:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', ?2, ?2, 0)")
                        .setParameter(1, bad)
                        .setParameter(2, earlier)
                        .executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> outbox.queue(good, "A report is waiting", "Sign in to read it."));
        GreenMail smtp = TestSmtp.fresh();
        TestSmtp.flush(sender);
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(OutboxSenderTest::to))
                .contains(good)
                .doesNotContain(bad);
        OutboxMail left = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMail.listTo(bad).get(0));
        assertThat(left.attempts)
                .as("tried, failed, waiting (a success in the same run may have woken it once more)")
                .isBetween(1, 2);
        assertThat(left.claimToken).isNull();
        assertThat(left.nextAttemptAt).isAfter(clock.now());
        QuarkusTransaction.requiringNew().run(() -> OutboxMail.delete("recipient", bad));
    }

    @Test
    void aStoppingNodeGivesItsIdleLeasesBackAndKeepsOnlyARunningOne() throws Exception {
        String idle = "idle-" + System.nanoTime();
        String busy = "busy-" + System.nanoTime();
        assertThat(lease.acquire(idle, Duration.ofMinutes(30))).isTrue();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Boolean> job =
                CompletableFuture.supplyAsync(() -> lease.run(busy, Duration.ofMinutes(30), () -> {
                    started.countDown();
                    try {
                        finish.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        JobLease nodeB = otherNode();
        assertThat(nodeB.acquire(idle, Duration.ofMinutes(30)))
                .as("held by this node")
                .isFalse();

        TestLeases.stop(lease, 200);
        assertThat(lease.acquire("after-stop-" + System.nanoTime(), Duration.ofMinutes(1)))
                .as("a stopping node takes nothing new")
                .isFalse();
        assertThat(nodeB.acquire(idle, Duration.ofMinutes(30)))
                .as("taken over at once, not after 30 minutes")
                .isTrue();
        assertThat(nodeB.acquire(busy, Duration.ofMinutes(30)))
                .as("a job still running keeps its lease")
                .isFalse();
        finish.countDown();
        assertThat(job.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aStoppingNodeWaitsForARunningJobThenGivesItsLeaseBack() throws Exception {
        String job = "short-" + System.nanoTime();
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Boolean> run =
                CompletableFuture.supplyAsync(() -> lease.run(job, Duration.ofMinutes(30), () -> {
                    started.countDown();
                    sleep(500);
                }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        TestLeases.stop(lease, 10_000);
        assertThat(run.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(otherNode().acquire(job, Duration.ofMinutes(30))).isTrue();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition) {
        long until = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("waited too long").isLessThan(until);
            sleep(20);
        }
    }
}
