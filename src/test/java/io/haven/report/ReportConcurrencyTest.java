package io.haven.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.haven.notify.OutboxMail;
import io.haven.school.SchoolDirectory;
import io.haven.school.TestSchools;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.web.FormSession;
import io.haven.web.RateLimiter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reporter's side under load and faults: many replies to one case at the same moment, a double click
 * on send, a wave of reports arriving together, and a database that cannot take a report right now.
 */
@QuarkusTest
class ReportConcurrencyTest {

    static final Pattern RECEIPT = Pattern.compile("<strong>(\\d{4} \\d{4} \\d{4} \\d{4})</strong>");

    @Inject
    ReportResource resource;

    @Inject
    SchoolDirectory schools;

    @Inject
    StaffFixtures fx;

    @Inject
    AgroalDataSource db;

    @Inject
    io.haven.crypto.KeyedHash receipts;

    @BeforeEach
    void setUp() {
        TestSchools.ensure("concurrency-test", "kr", "en", "Asia/Seoul");
        schools.refresh();
        // Every request of the test comes from one address: no limit gets in the way of the race itself.
        resource.sending = new RateLimiter(100_000, Duration.ofHours(1));
        resource.lookups = new RateLimiter(100_000, Duration.ofMinutes(10));
    }

    @AfterEach
    void tearDown() {
        resource.limits();
        fx.reset();
    }

    static Map<String, Object> form(String slug, String body) {
        Map<String, Object> f = new HashMap<>();
        f.put("school", slug);
        f.put("category", "bullying");
        f.put("affected", "me");
        f.put("where", "");
        f.put("when", "");
        f.put("body", body);
        f.put("dangerNow", "no");
        f.put("contact", "");
        f.put("website", "");
        return f;
    }

    static String send(String slug, String body) {
        FormSession s = new FormSession();
        s.get("/report");
        Response r = s.post("/report", form(slug, body));
        assertThat(r.statusCode()).isEqualTo(200);
        Matcher m = RECEIPT.matcher(r.asString());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** The case of this receipt (not the newest case: another sender may have reported since). */
    long caseOf(String receipt) {
        String hash = receipts.hex(ReportService.RECEIPT, Receipt.parse(receipt).digits());
        return QuarkusTransaction.requiringNew()
                .call(() -> ReportCase.findByReceiptHash(hash).orElseThrow().id);
    }

    /** Runs the tasks at the same moment (a barrier), each on its own thread; answers their results in order. */
    static <T> List<T> together(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CyclicBarrier start = new CyclicBarrier(tasks.size());
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> t : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return t.call();
                }));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A reporter session on the follow-up page of the receipt, ready to post a reply. */
    static FormSession reporter(String receipt) {
        FormSession s = new FormSession();
        s.get("/report/follow-up");
        assertThat(s.post("/report/follow-up", Map.of("receipt", receipt)).statusCode())
                .isEqualTo(200);
        return s;
    }

    @Test
    void twentySimultaneousRepliesToOneCaseAreAllStoredAndEachAnswered200() throws Exception {
        String receipt = send("concurrency-test", "Someone keeps posting my photo");
        long id = caseOf(receipt);
        List<Callable<Integer>> replies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            FormSession s = reporter(receipt);
            String text = "Reply number " + i;
            replies.add(() -> s.post("/report/follow-up/reply", Map.of("receipt", receipt, "message", text))
                    .statusCode());
        }
        List<Integer> statuses = together(replies);
        assertThat(statuses).containsOnly(200);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> CaseMessage.count("caseId = ?1 and fromReporter = true", id)))
                .isEqualTo(20);
    }

    @Test
    void aDoubleClickOnSendStoresTheReplyOnceAndNeverAnswers500() throws Exception {
        String receipt = send("concurrency-test", "Messages at night");
        long id = caseOf(receipt);
        List<Integer> statuses = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            FormSession s = reporter(receipt);
            String text = "Clicked twice " + round;
            // Two sends of the one form on the page: each click from its own copy of the browser's state. One
            // session shared by both threads let the first answer's new one-time token (and cookies) reach the
            // second send when a busy machine started it late: a second, different form, stored as a second
            // message (and the two threads wrote one cookie map at once).
            FormSession first = s.twin();
            FormSession second = s.twin();
            statuses.addAll(together(List.<Callable<Integer>>of(
                    () -> first.post("/report/follow-up/reply", Map.of("receipt", receipt, "message", text))
                            .statusCode(),
                    () -> second.post("/report/follow-up/reply", Map.of("receipt", receipt, "message", text))
                            .statusCode())));
        }
        assertThat(statuses).containsOnly(200);
        // Both clicks send the same form (one one-time token): the case row lock lets the second wait, find the
        // token used and store nothing. A double click is one message, never two and never an error.
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> CaseMessage.count("caseId = ?1 and fromReporter = true", id)))
                .isEqualTo(20);
    }

    @Test
    void aWaveOfReportsArrivingTogetherMailsTheAdministratorsOnce() throws Exception {
        long schoolId = fx.school("en");
        StaffFixtures.Account admin = fx.account(schoolId, true, Role.ADMIN);
        schools.refresh();
        String slug = schools.byId(schoolId).orElseThrow().slug();
        for (int i = 0; i < 30; i++) {
            send(slug, "Before the wave " + i);
        }
        List<Callable<Integer>> wave = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            FormSession s = new FormSession();
            s.get("/report");
            Map<String, Object> f = form(slug, "In the wave " + i);
            wave.add(() -> s.post("/report", f).statusCode());
        }
        assertThat(together(wave)).containsOnly(200);
        List<String> subjects = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMail.<OutboxMail>list("recipient = ?1", admin.email()).stream()
                        .map(m -> m.subject())
                        .toList());
        assertThat(subjects)
                .filteredOn(t -> t.equals("Haven: unusual number of reports"))
                .hasSize(1);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> ReportCase.count("schoolId = ?1 and volumeFlagged = true", schoolId)))
                .isEqualTo(12);
    }

    @Test
    void aReportThatCannotBeStoredComesBackFilledInWithTheEmergencyNumberAndReadinessSaysSo() throws Exception {
        FormSession s = new FormSession();
        s.get("/report");
        long before = QuarkusTransaction.requiringNew().call(() -> ReportCase.count());
        // Every connection of the pool taken (as when a locked table holds them all): nothing can be stored.
        List<Connection> held = new ArrayList<>();
        Response r;
        Response ready;
        try {
            int max = db.getConfiguration().connectionPoolConfiguration().maxSize();
            for (int i = 0; i < max; i++) {
                held.add(db.getConnection());
            }
            ready = given().get("/q/health/ready");
            r = s.post("/report", form("concurrency-test", "Typed while the database was stuck"));
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.asString().replaceAll("\\s", "")).contains("\"name\":\"database-pool\",\"status\":\"DOWN\"");
        assertThat(r.statusCode()).isEqualTo(503);
        String page = r.asString();
        assertThat(page)
                .contains("Typed while the database was stuck")
                .contains("could not be stored just now")
                .contains("emergency-box");
        assertThat(page.indexOf("emergency-box")).isLessThan(page.indexOf("could not be stored just now"));
        assertThat(page).doesNotContain("Exception").doesNotContain("at io.haven");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ReportCase.count()))
                .isEqualTo(before);
        assertThat(given().get("/q/health/ready").statusCode()).isEqualTo(200);
        // Sent again, it is stored.
        assertThat(s.post("/report", form("concurrency-test", "Typed while the database was stuck"))
                        .statusCode())
                .isEqualTo(200);
    }
}
