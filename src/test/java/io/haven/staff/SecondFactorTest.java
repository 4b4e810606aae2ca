package io.haven.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.crypto.FieldCipher;
import io.haven.web.Clock;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Handlers and administrators: enrolment before anything else, then a code at each sign-in. */
@QuarkusTest
class SecondFactorTest {

    static final Pattern SECRET = Pattern.compile("<code class=\"secret\" id=\"secret\">([A-Z2-7 ]+)</code>");
    static final Pattern RECOVERY = Pattern.compile("<li><code>([a-z2-9]{5}-[a-z2-9]{5})</code></li>");

    @Inject
    StaffFixtures fx;

    @Inject
    Clock clock;

    @Inject
    FieldCipher cipher;

    long school;

    @BeforeEach
    void setUp() {
        fx.reset();
        school = fx.school("en");
    }

    @AfterEach
    void tearDown() {
        fx.reset();
    }

    @Test
    void handlerWithoutSecondFactorIsSentToEnrolmentAndCannotReachCases() {
        StaffFixtures.Account h = fx.account(school, false, Role.HANDLER);
        FormSession b = new FormSession();
        Response r = StaffFixtures.passwordStep(b, h.email(), StaffFixtures.PASSWORD);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("/staff/enrol");
        for (String path : List.of(
                "/staff",
                "/staff/test-only/cases/" + school,
                "/staff/password",
                "/staff/admin/staff",
                "/staff/second-factor")) {
            Response p = b.get(path);
            assertThat(p.statusCode()).as(path).isEqualTo(303);
            assertThat(p.header("Location")).as(path).endsWith("/staff/enrol");
        }
    }

    @Test
    void enrolmentShowsSecretAndQrThenRecoveryCodesOnce() {
        StaffFixtures.Account h = fx.account(school, false, Role.HANDLER);
        FormSession b = new FormSession();
        StaffFixtures.passwordStep(b, h.email(), StaffFixtures.PASSWORD);
        Response page = b.get("/staff/enrol");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.asString();
        assertThat(html)
                .contains("<svg", "role=\"img\"", "<path d=\"M", "autocomplete=\"one-time-code\"")
                .doesNotContain("<script>", "<img", "style=");
        Matcher m = SECRET.matcher(html);
        assertThat(m.find()).isTrue();
        String secret = m.group(1).replace(" ", "");

        // A wrong code brings the same secret back.
        Response wrong = b.post("/staff/enrol", Map.of("code", "000000", "pending", pending(html)));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.asString()).contains("This code is not right", m.group(1));
        assertThat(b.get("/staff/test-only/cases/" + school).statusCode()).isEqualTo(303);

        String code = Totp.code(secret, Totp.step(clock.now()));
        Response done = b.post("/staff/enrol", Map.of("code", code, "pending", pending(wrong.asString())));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.header("Cache-Control")).contains("no-store");
        List<String> codes = recoveryCodes(done.asString());
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();

        // Stored encrypted and as keyed hashes only.
        QuarkusTransaction.requiringNew().run(() -> {
            Staff s = Staff.findById(h.id());
            assertThat(s.totpSecret).startsWith("v1:").doesNotContain(secret);
            assertThat(cipher.decrypt("staff.totp", s.totpSecret)).isEqualTo(secret);
            assertThat(s.totpEnrolledAt).isNotNull();
            List<RecoveryCode> stored = RecoveryCode.list("staffId", h.id());
            assertThat(stored)
                    .hasSize(10)
                    .allSatisfy(rc -> assertThat(rc.codeHash).hasSize(64));
            assertThat(stored).noneMatch(rc -> codes.stream().anyMatch(c -> rc.codeHash.contains(c.replace("-", ""))));
        });

        // Signed in now; the codes are not shown again.
        assertThat(b.get("/staff/test-only/cases/" + school).asString()).startsWith("cases of school " + school);
        assertThat(b.get("/staff/enrol").statusCode()).isEqualTo(303);
        assertThat(b.get("/staff").asString()).doesNotContain(codes.get(0));

        // The code used to enrol cannot sign in again (replay); the next one can.
        FormSession again = new FormSession();
        Response pw = StaffFixtures.passwordStep(again, h.email(), StaffFixtures.PASSWORD);
        assertThat(pw.header("Location")).endsWith("/staff/second-factor");
        again.get("/staff/second-factor");
        assertThat(again.post("/staff/second-factor", Map.of("code", code)).statusCode())
                .isEqualTo(400);
        clock.advance(Duration.ofSeconds(30));
        Response ok = again.post("/staff/second-factor", Map.of("code", Totp.code(secret, Totp.step(clock.now()))));
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(again.get("/staff").statusCode()).isEqualTo(200);
    }

    @Test
    void wrongAndReusedCodesAreRefused() {
        StaffFixtures.Account h = fx.account(school, true, Role.HANDLER);
        FormSession b = new FormSession();
        Response r = StaffFixtures.passwordStep(b, h.email(), StaffFixtures.PASSWORD);
        assertThat(r.header("Location")).endsWith("/staff/second-factor");
        assertThat(b.get("/staff/test-only/cases/" + school).header("Location")).endsWith("/staff/second-factor");
        Response page = b.get("/staff/second-factor");
        assertThat(page.asString()).contains("autocomplete=\"one-time-code\"", "for=\"code\"");

        long step = Totp.step(clock.now());
        String wrongCode = Totp.code(h.secret(), step + 5);
        Response wrong = b.post("/staff/second-factor", Map.of("code", wrongCode));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.asString()).contains("This code is not right", "href=\"#code\"");
        assertThat(b.get("/staff").statusCode()).isEqualTo(303);

        String code = Totp.code(h.secret(), step);
        b.get("/staff/second-factor");
        assertThat(b.post("/staff/second-factor", Map.of("code", code)).statusCode())
                .isEqualTo(303);
        assertThat(b.get("/staff/test-only/cases/" + school).statusCode()).isEqualTo(200);

        // Someone who saw that code cannot use it, even within its 30 seconds.
        FormSession thief = new FormSession();
        StaffFixtures.passwordStep(thief, h.email(), StaffFixtures.PASSWORD);
        thief.get("/staff/second-factor");
        assertThat(thief.post("/staff/second-factor", Map.of("code", code)).statusCode())
                .isEqualTo(400);
        assertThat(thief.get("/staff/test-only/cases/" + school).statusCode()).isEqualTo(303);
    }

    @Test
    void tooManyWrongCodesPauseTheAccount() {
        StaffFixtures.Account h = fx.account(school, true, Role.ADMIN);
        FormSession b = new FormSession();
        StaffFixtures.passwordStep(b, h.email(), StaffFixtures.PASSWORD);
        b.get("/staff/second-factor");
        for (int i = 0; i < 5; i++) {
            assertThat(b.post("/staff/second-factor", Map.of("code", "99999" + i))
                            .statusCode())
                    .isEqualTo(400);
        }
        Response paused = b.post("/staff/second-factor", Map.of("code", fx.freshCode(h)));
        assertThat(paused.statusCode()).isEqualTo(429);
        assertThat(paused.asString()).contains("Too many wrong codes");
    }

    /** Security audit L1: eight parallel submissions of one fresh code sign in exactly one browser. */
    @Test
    void oneFreshCodeSubmittedInParallelSignsInOnce() throws Exception {
        StaffFixtures.Account h = fx.account(school, true, Role.HANDLER);
        List<FormSession> browsers = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            FormSession b = new FormSession();
            assertThat(StaffFixtures.passwordStep(b, h.email(), StaffFixtures.PASSWORD)
                            .statusCode())
                    .isEqualTo(303);
            b.get("/staff/second-factor");
            browsers.add(b);
        }
        String code = fx.freshCode(h);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (FormSession b : browsers) {
            answers.add(pool.submit(() -> {
                go.await();
                Response r = b.post("/staff/second-factor", Map.of("code", code));
                return r.statusCode() == 303 && r.header("Location").endsWith("/staff") ? 1 : 0;
            }));
        }
        go.countDown();
        int signedIn = 0;
        for (java.util.concurrent.Future<Integer> f : answers) {
            signedIn += f.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(signedIn).isEqualTo(1);
    }

    @Test
    void recoveryCodeWorksOnce() {
        StaffFixtures.Account h = fx.account(school, false, Role.ADMIN);
        FormSession b = new FormSession();
        StaffFixtures.passwordStep(b, h.email(), StaffFixtures.PASSWORD);
        String html = b.get("/staff/enrol").asString();
        Matcher m = SECRET.matcher(html);
        assertThat(m.find()).isTrue();
        String secret = m.group(1).replace(" ", "");
        List<String> codes = recoveryCodes(b.post(
                        "/staff/enrol",
                        Map.of("code", Totp.code(secret, Totp.step(clock.now())), "pending", pending(html)))
                .asString());

        FormSession lostPhone = new FormSession();
        StaffFixtures.passwordStep(lostPhone, h.email(), StaffFixtures.PASSWORD);
        lostPhone.get("/staff/second-factor");
        Response ok = lostPhone.post(
                "/staff/second-factor",
                Map.of("code", codes.get(3).toUpperCase().replace("-", " ")));
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(lostPhone.get("/staff").asString()).contains("Staff and roles");

        FormSession twice = new FormSession();
        StaffFixtures.passwordStep(twice, h.email(), StaffFixtures.PASSWORD);
        twice.get("/staff/second-factor");
        assertThat(twice.post("/staff/second-factor", Map.of("code", codes.get(3)))
                        .statusCode())
                .isEqualTo(400);
        assertThat(twice.post("/staff/second-factor", Map.of("code", codes.get(4)))
                        .statusCode())
                .isEqualTo(303);
        QuarkusTransaction.requiringNew()
                .run(() -> assertThat(RecoveryCode.countUnused(h.id())).isEqualTo(8));
    }

    @Test
    void enrolmentFormCannotBeReplayedForAnotherAccount() {
        StaffFixtures.Account a = fx.account(school, false, Role.HANDLER);
        StaffFixtures.Account other = fx.account(school, false, Role.HANDLER);
        FormSession b = new FormSession();
        StaffFixtures.passwordStep(b, a.email(), StaffFixtures.PASSWORD);
        String html = b.get("/staff/enrol").asString();
        FormSession c = new FormSession();
        StaffFixtures.passwordStep(c, other.email(), StaffFixtures.PASSWORD);
        c.get("/staff/enrol");
        Matcher m = SECRET.matcher(html);
        assertThat(m.find()).isTrue();
        Response r = c.post(
                "/staff/enrol",
                Map.of(
                        "code",
                        Totp.code(m.group(1).replace(" ", ""), Totp.step(clock.now())),
                        "pending",
                        pending(html)));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("/staff/enrol");
        QuarkusTransaction.requiringNew()
                .run(() ->
                        assertThat(Staff.<Staff>findById(other.id()).totpSecret).isNull());
    }

    @Test
    void handlerOfOneSchoolGets404ForAnother() {
        long otherSchool = fx.school("en");
        StaffFixtures.Account h = fx.account(school, true, Role.HANDLER);
        FormSession b = fx.signedIn(h);
        assertThat(b.get("/staff/test-only/cases/" + school).statusCode()).isEqualTo(200);
        Response other = b.get("/staff/test-only/cases/" + otherSchool);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(b.get("/staff").asString())
                .contains("href=\"/staff/cases?school=" + school + "\"")
                .doesNotContain("/staff/classes?school=");
    }

    static String pending(String html) {
        Matcher m = Pattern.compile("name=\"pending\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static List<String> recoveryCodes(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = RECOVERY.matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
