package io.haven.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.notify.OutboxMail;
import io.haven.web.Clock;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Forgotten passwords: the same answer for every address, a link that works once for an hour. */
@QuarkusTest
class PasswordResetTest {

    static final Pattern LINK =
            Pattern.compile("http://localhost:8080(/staff/password-reset/new\\?token=([A-Za-z0-9_-]{43}))");

    @Inject
    StaffFixtures fx;

    @Inject
    Clock clock;

    long school;

    @BeforeEach
    void setUp() {
        fx.reset();
        school = fx.school("ko");
    }

    @AfterEach
    void tearDown() {
        fx.reset();
    }

    static Response request(String email) {
        FormSession b = new FormSession();
        b.get("/staff/password-reset");
        return b.post("/staff/password-reset", Map.of("email", email));
    }

    @Test
    void sameAnswerForKnownAndUnknownAddresses() {
        StaffFixtures.Account t = fx.account(school, false, Role.TEACHER);
        String unknown = StaffFixtures.email("nobody");
        Response known = request(t.email());
        Response nobody = request(unknown);
        for (Response r : new Response[] {known, nobody}) {
            assertThat(r.statusCode()).isEqualTo(303);
            assertThat(r.header("Location")).endsWith("/staff/password-reset");
            assertThat(r.headers().getValues("Set-Cookie"))
                    .anyMatch(c -> c.startsWith("haven_flash=staff_reset_sent;"));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(OutboxMail.listTo(unknown)).isEmpty();
            assertThat(OutboxMail.listTo(t.email())).hasSize(1);
        });
        FormSession b = new FormSession();
        b.cookies.put("haven_flash", "staff_reset_sent");
        assertThat(b.get("/staff/password-reset").asString()).contains("If this address belongs to a staff account");
    }

    @Test
    void resetLinkWorksOnceAndEndsSessions() {
        StaffFixtures.Account t = fx.account(school, false, Role.TEACHER);
        FormSession old = fx.signedIn(t);
        request(t.email());
        OutboxMail mail = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMail.listTo(t.email()).get(0));
        assertThat(mail.subject()).isEqualTo("Haven 비밀번호 재설정");
        Matcher m = LINK.matcher(mail.bodyText());
        assertThat(m.find()).isTrue();
        assertThat(mail.bodyText()).contains("60분").doesNotContain("$argon2");

        FormSession b = new FormSession();
        assertThat(b.get(m.group(1)).statusCode()).isEqualTo(200);
        Response mismatch = b.post(
                "/staff/password-reset/new",
                Map.of(
                        "token",
                        m.group(2),
                        "newPassword",
                        "river stone lamp post",
                        "confirmPassword",
                        "river stone lamp"));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        Response done = b.post(
                "/staff/password-reset/new",
                Map.of(
                        "token",
                        m.group(2),
                        "newPassword",
                        "river stone lamp post",
                        "confirmPassword",
                        "river stone lamp post"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.header("Location")).endsWith("/staff/login");

        assertThat(new FormSession().get(m.group(1)).statusCode()).isEqualTo(404);
        assertThat(old.get("/staff").statusCode()).isEqualTo(303);
        assertThat(StaffFixtures.passwordStep(new FormSession(), t.email(), "river stone lamp post")
                        .statusCode())
                .isEqualTo(303);
    }

    @Test
    void resetLinkExpiresAfterAnHourAndOnlyTheNewestWorks() {
        StaffFixtures.Account t = fx.account(school, false, Role.TEACHER);
        request(t.email());
        request(t.email());
        var mails = QuarkusTransaction.requiringNew().call(() -> OutboxMail.listTo(t.email()));
        assertThat(mails).hasSize(2);
        Matcher first = LINK.matcher(mails.get(0).bodyText());
        Matcher second = LINK.matcher(mails.get(1).bodyText());
        assertThat(first.find()).isTrue();
        assertThat(second.find()).isTrue();
        assertThat(new FormSession().get(first.group(1)).statusCode()).isEqualTo(404);
        assertThat(new FormSession().get(second.group(1)).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(61));
        assertThat(new FormSession().get(second.group(1)).statusCode()).isEqualTo(404);
    }
}
