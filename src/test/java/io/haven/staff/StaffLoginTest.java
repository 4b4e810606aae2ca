package io.haven.staff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.haven.crypto.FieldCipher;
import io.haven.web.Clock;
import io.haven.web.FormSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signing in and out, throttling, timeouts, and which pages an account reaches. */
@QuarkusTest
class StaffLoginTest {

    static final String FAILED = "The e-mail address or the password is not right.";

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
    void teacherSignsInAndSeesTheirSchoolsLinks() {
        StaffFixtures.Account t = fx.account(school, false, Role.TEACHER);
        FormSession b = new FormSession();
        b.get("/staff/login").then().statusCode(200);
        Response r =
                b.post("/staff/login", Map.of("email", t.email().toUpperCase(), "password", StaffFixtures.PASSWORD));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("/staff");
        Response home = b.get("/staff");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.asString())
                .contains(
                        "Welcome, Test teacher",
                        "href=\"/staff/classes?school=" + school + "\"",
                        "Signed in as Test teacher")
                .doesNotContain("/staff/cases", "/staff/admin/staff");
    }

    @Test
    void sessionCookieIsHttpOnlyStrictAndEncrypted() {
        StaffFixtures.Account t = fx.account(school, false, Role.TEACHER);
        FormSession b = new FormSession();
        Response r = StaffFixtures.passwordStep(b, t.email(), StaffFixtures.PASSWORD);
        String cookie = r.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("haven_staff="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).matches("haven_staff=[A-Za-z0-9_-]+; Path=/; HttpOnly; SameSite=Strict");
        String value = cookie.substring("haven_staff=".length(), cookie.indexOf(';'));
        // Sealed with the field cipher: nothing readable, and it opens only here, to the right account.
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(value)))
                .startsWith("v1:k1:")
                .doesNotContain("|");
        SessionClaims claims = SessionClaims.open(cipher, value);
        assertThat(claims.staffId()).isEqualTo(t.id());
        assertThat(claims.secondFactor()).isFalse();
        assertThat(SessionClaims.open(cipher, value.substring(0, value.length() - 2) + "AA"))
                .isNull();
    }

    @Test
    void unknownEmailAndWrongPasswordGetTheSameAnswer() {
        StaffFixtures.Account t = fx.account(school, false, Role.TEACHER);
        FormSession b = new FormSession();
        Response wrong = StaffFixtures.passwordStep(b, t.email(), "not the password at all");
        Response unknown =
                StaffFixtures.passwordStep(new FormSession(), "nobody@test.haven", "not the password at all");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(unknown.statusCode()).isEqualTo(400);
        for (Response r : List.of(wrong, unknown)) {
            assertThat(r.asString())
                    .contains(FAILED, "href=\"#email\"", "aria-describedby=\"email-error\"")
                    .doesNotContain("not the password at all");
            assertThat(r.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("haven_staff=v"));
        }
        assertThat(wrong.asString()).contains("value=\"" + t.email() + "\"");
        assertThat(unknown.asString()).contains("value=\"nobody@test.haven\"");
        // Korean and French speak too.
        FormSession ko = new FormSession();
        ko.get("/staff/login?lang=ko");
        assertThat(ko.post("/staff/login?lang=ko", Map.of("email", t.email(), "password", "x"))
                        .asString())
                .contains("이메일 주소 또는 비밀번호가 맞지 않습니다");
    }

    @Test
    void aFormWithoutTheCsrfTokenComesBackFilledIn() {
        StaffFixtures.Account t = fx.account(school, false, Role.TEACHER);
        FormSession b = new FormSession();
        b.get("/staff/login");
        Response r = b.postRaw("/staff/login", Map.of("email", t.email(), "password", StaffFixtures.PASSWORD));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("This form was open too long", "value=\"" + t.email() + "\"");
        assertThat(b.cookies).doesNotContainKey("haven_staff");
    }

    @Test
    void throttlingPausesAnAccountAfterFiveFailures() {
        StaffFixtures.Account t = fx.account(school, false, Role.TEACHER);
        FormSession b = new FormSession();
        for (int i = 0; i < 5; i++) {
            assertThat(StaffFixtures.passwordStep(b, t.email(), "wrong password " + i)
                            .statusCode())
                    .isEqualTo(400);
        }
        Response paused = StaffFixtures.passwordStep(b, t.email(), StaffFixtures.PASSWORD);
        assertThat(paused.statusCode()).isEqualTo(429);
        assertThat(paused.asString()).contains("Too many attempts to sign in", "try again in 1 minute");
        // Another account from the same address is not paused.
        StaffFixtures.Account other = fx.account(school, false, Role.TEACHER);
        assertThat(StaffFixtures.passwordStep(new FormSession(), other.email(), StaffFixtures.PASSWORD)
                        .statusCode())
                .isEqualTo(303);
        // When the window has passed, the right password works again.
        clock.advance(Duration.ofMinutes(16));
        assertThat(StaffFixtures.passwordStep(b, t.email(), StaffFixtures.PASSWORD)
                        .statusCode())
                .isEqualTo(303);
    }

    /**
     * Security audit M2: failures from one address (a whole school may share it) slow that address down a
     * little, and never lock every colleague out for a quarter of an hour.
     */
    @Test
    void manyFailuresFromOneAddressOnlySlowItDownSoftly() {
        for (int i = 0; i < 50; i++) {
            assertThat(StaffFixtures.passwordStep(new FormSession(), "guess" + i + "@test.haven", "wrong password")
                            .statusCode())
                    .isEqualTo(400);
        }
        StaffFixtures.Account t = fx.account(school, false, Role.TEACHER);
        Response paused = StaffFixtures.passwordStep(new FormSession(), t.email(), StaffFixtures.PASSWORD);
        assertThat(paused.statusCode()).isEqualTo(429);
        assertThat(paused.asString()).contains("Too many attempts to sign in", "try again in 1 minute");
        clock.advance(Duration.ofSeconds(31));
        assertThat(StaffFixtures.passwordStep(new FormSession(), t.email(), StaffFixtures.PASSWORD)
                        .statusCode())
                .isEqualTo(303);
    }

    /** Security audit M2: password-reset requests are not sign-in failures. */
    @Test
    void resetRequestsNeverSlowDownSignIn() {
        StaffFixtures.Account t = fx.account(school, false, Role.TEACHER);
        for (int i = 0; i < 25; i++) {
            FormSession r = new FormSession();
            r.get("/staff/password-reset");
            assertThat(r.post("/staff/password-reset", Map.of("email", t.email()))
                            .statusCode())
                    .isEqualTo(303);
        }
        assertThat(StaffFixtures.passwordStep(new FormSession(), t.email(), StaffFixtures.PASSWORD)
                        .statusCode())
                .isEqualTo(303);
        // And at most three mails an hour reach the account.
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                        .call(() -> io.haven.notify.OutboxMail.listTo(t.email()).size()))
                .isEqualTo(3);
    }

    @Test
    void notSignedInStaffPagesRedirectToLogin() {
        for (String path : List.of(
                "/staff",
                "/staff/password",
                "/staff/admin/staff",
                "/staff/test-only/cases/" + school,
                "/staff/enrol",
                "/staff/second-factor")) {
            Response r = given().redirects().follow(false).get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(303);
            assertThat(r.header("Location")).as(path).endsWith("/staff/login");
        }
        given().get("/staff/login").then().statusCode(200);
        given().get("/staff/password-reset").then().statusCode(200);
        // A forged or garbled cookie is ignored and cleared.
        Response r = given().redirects()
                .follow(false)
                .cookie("haven_staff", "bm90IGEgc2Vzc2lvbg")
                .get("/staff");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().getValues("Set-Cookie"))
                .anyMatch(c -> c.startsWith("haven_staff=;") && c.contains("Max-Age=0"));
    }

    @Test
    void idleTimeoutSlidesWithUseAndEndsTheSession() {
        StaffFixtures.Account t = fx.account(school, false, Role.TEACHER);
        FormSession b = fx.signedIn(t);
        clock.advance(Duration.ofMinutes(20));
        assertThat(b.get("/staff").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(20));
        // 40 minutes after sign-in, but only 20 since the last request.
        assertThat(b.get("/staff").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));
        Response r = b.get("/staff");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("/staff/login");
        assertThat(b.cookies).doesNotContainKey("haven_staff");
    }

    @Test
    void absoluteTimeoutEndsEvenAnActiveSession() {
        StaffFixtures.Account t = fx.account(school, false, Role.TEACHER);
        FormSession b = fx.signedIn(t);
        for (int i = 0; i < 28; i++) {
            clock.advance(Duration.ofMinutes(25));
            assertThat(b.get("/staff").statusCode())
                    .as("after " + (i + 1) * 25 + " min")
                    .isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(25)); // 12 h 5 min after sign-in
        Response r = b.get("/staff");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("/staff/login");
    }

    @Test
    void logoutEndsEverySessionOfTheAccount() {
        StaffFixtures.Account t = fx.account(school, false, Role.TEACHER);
        FormSession laptop = fx.signedIn(t);
        FormSession phone = fx.signedIn(t);
        String oldPhoneCookie = phone.cookies.get("haven_staff");
        laptop.get("/staff");
        Response out = laptop.post("/staff/logout", Map.of());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.header("Location")).endsWith("/staff/login");
        assertThat(laptop.cookies).doesNotContainKey("haven_staff");
        assertThat(laptop.get("/staff/login").asString()).contains("You have signed out");
        assertThat(phone.get("/staff").statusCode()).isEqualTo(303);
        assertThat(given().redirects()
                        .follow(false)
                        .cookie("haven_staff", oldPhoneCookie)
                        .get("/staff")
                        .statusCode())
                .isEqualTo(303);
    }

    @Test
    void passwordChangeEndsOtherSessionsButKeepsThisOne() {
        StaffFixtures.Account t = fx.account(school, false, Role.TEACHER);
        FormSession here = fx.signedIn(t);
        FormSession elsewhere = fx.signedIn(t);
        here.get("/staff/password").then().statusCode(200);
        Response bad = here.post(
                "/staff/password",
                Map.of(
                        "currentPassword",
                        "wrong one",
                        "newPassword",
                        "copper lantern meadow",
                        "confirmPassword",
                        "copper lantern meadow"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString())
                .contains("Your current password is not right")
                .doesNotContain("copper lantern meadow");
        Response weak = here.post(
                "/staff/password",
                Map.of(
                        "currentPassword",
                        StaffFixtures.PASSWORD,
                        "newPassword",
                        "password1234",
                        "confirmPassword",
                        "password1234"));
        assertThat(weak.asString()).contains("This password is too easy to guess", "href=\"#newPassword\"");
        Response mismatch = here.post(
                "/staff/password",
                Map.of(
                        "currentPassword",
                        StaffFixtures.PASSWORD,
                        "newPassword",
                        "copper lantern meadow",
                        "confirmPassword",
                        "copper lantern meadows"));
        assertThat(mismatch.asString()).contains("The two new passwords are not the same");
        Response ok = here.post(
                "/staff/password",
                Map.of(
                        "currentPassword",
                        StaffFixtures.PASSWORD,
                        "newPassword",
                        "copper lantern meadow",
                        "confirmPassword",
                        "copper lantern meadow"));
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(here.get("/staff").asString()).contains("Your password has been changed");
        assertThat(elsewhere.get("/staff").statusCode()).isEqualTo(303);
        assertThat(StaffFixtures.passwordStep(new FormSession(), t.email(), StaffFixtures.PASSWORD)
                        .statusCode())
                .isEqualTo(400);
        assertThat(StaffFixtures.passwordStep(new FormSession(), t.email(), "copper lantern meadow")
                        .statusCode())
                .isEqualTo(303);
    }

    @Test
    void teacherCannotReachHandlerPages() {
        StaffFixtures.Account t = fx.account(school, false, Role.TEACHER);
        FormSession b = fx.signedIn(t);
        assertThat(b.get("/staff/test-only/cases/" + school).statusCode()).isEqualTo(404);
        assertThat(b.get("/staff/admin/staff?school=" + school).statusCode()).isEqualTo(404);
        assertThat(b.get("/staff/admin/staff").statusCode()).isEqualTo(404);
    }

    @Test
    void publicPagesNeverReadTheStaffCookie() {
        StaffFixtures.Account t = fx.account(school, false, Role.TEACHER);
        FormSession b = fx.signedIn(t);
        Response home = b.get("/");
        assertThat(home.asString()).doesNotContain("Signed in as");
        assertThat(home.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("haven_staff"));
    }
}
