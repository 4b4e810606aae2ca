package io.haven.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.notify.OutboxMail;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stale form token on the staff forms: each form comes back filled in (passwords never) with the
 * expired-form message and nothing done, or redirects with that message where it does today; never a 403.
 */
@QuarkusTest
class StaleStaffFormsTest {

    static final String EXPIRED = "This form was open too long";
    static final Pattern INVITE_LINK = Pattern.compile("/staff/invitation\\?token=([A-Za-z0-9_-]{43})");
    static final Pattern RESET_LINK = Pattern.compile("/staff/password-reset/new\\?token=([A-Za-z0-9_-]{43})");

    @Inject
    StaffFixtures fx;

    @Inject
    SetupTokens setupTokens;

    @AfterEach
    void tearDown() {
        fx.reset();
    }

    static Response stale(FormSession b, String path, Map<String, String> form) {
        return b.postRaw(path, form);
    }

    @Test
    void signedOutFormsComeBackFilledIn() {
        FormSession b = new FormSession();
        b.get("/staff/password-reset");
        String email = StaffFixtures.email("stale");
        Response r = stale(b, "/staff/password-reset", Map.of("email", " " + email + " "));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains(EXPIRED, "value=\"" + email + "\"");
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMail.listTo(email)))
                .isEmpty();

        long school = fx.school("en");
        StaffFixtures.Account t = fx.account(school, false, Role.TEACHER);
        StaleStaffFormsTest.resetRequest(t.email());
        String token = link(RESET_LINK, t.email());
        FormSession c = new FormSession();
        c.get("/staff/password-reset/new?token=" + token);
        Response choose = stale(
                c,
                "/staff/password-reset/new",
                Map.of(
                        "token",
                        token,
                        "newPassword",
                        "amber lantern river 7",
                        "confirmPassword",
                        "amber lantern river 7"));
        assertThat(choose.statusCode()).isEqualTo(400);
        assertThat(choose.asString())
                .contains(EXPIRED, "value=\"" + token + "\"")
                .doesNotContain("amber lantern river 7");
        // The link still works: nothing was done.
        assertThat(c.post(
                                "/staff/password-reset/new",
                                Map.of(
                                        "token",
                                        token,
                                        "newPassword",
                                        "amber lantern river 7",
                                        "confirmPassword",
                                        "amber lantern river 7"))
                        .statusCode())
                .isEqualTo(303);
    }

    static void resetRequest(String email) {
        FormSession b = new FormSession();
        b.get("/staff/password-reset");
        assertThat(b.post("/staff/password-reset", Map.of("email", email)).statusCode())
                .isEqualTo(303);
    }

    static String link(Pattern p, String email) {
        List<OutboxMail> mails = QuarkusTransaction.requiringNew().call(() -> OutboxMail.listTo(email));
        Matcher m = p.matcher(mails.get(mails.size() - 1).bodyText());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void secondFactorAndPasswordChangeComeBackWithoutActing() {
        long school = fx.school("en");
        StaffFixtures.Account t = fx.account(school, true, Role.TEACHER);
        FormSession b = new FormSession();
        assertThat(StaffFixtures.passwordStep(b, t.email(), StaffFixtures.PASSWORD)
                        .header("Location"))
                .endsWith("/staff/second-factor");
        b.get("/staff/second-factor");
        Response code = stale(b, "/staff/second-factor", Map.of("code", fx.freshCode(t)));
        assertThat(code.statusCode()).isEqualTo(400);
        assertThat(code.asString()).contains(EXPIRED);
        assertThat(b.get("/staff").header("Location")).endsWith("/staff/second-factor");

        FormSession s = fx.signedIn(t);
        s.get("/staff/password");
        Response change = stale(
                s,
                "/staff/password",
                Map.of(
                        "currentPassword",
                        StaffFixtures.PASSWORD,
                        "newPassword",
                        "amber lantern river 7",
                        "confirmPassword",
                        "amber lantern river 7"));
        assertThat(change.statusCode()).isEqualTo(400);
        assertThat(change.asString()).contains(EXPIRED).doesNotContain(StaffFixtures.PASSWORD, "amber lantern river 7");
        assertThat(StaffFixtures.passwordStep(new FormSession(), t.email(), StaffFixtures.PASSWORD)
                        .statusCode())
                .isEqualTo(303);
    }

    @Test
    void adminFormsComeBackFilledInAndOffersRedirect() {
        long school = fx.school("en");
        FormSession a = fx.signedIn(fx.account(school, true, Role.ADMIN));
        a.get("/staff/admin/staff?school=" + school);
        String email = StaffFixtures.email("invitee");
        Response invite = stale(
                a,
                "/staff/admin/staff",
                Map.of(
                        "school",
                        String.valueOf(school),
                        "email",
                        email,
                        "displayName",
                        "Mi-rae Kim",
                        "roles",
                        "HANDLER"));
        assertThat(invite.statusCode()).isEqualTo(400);
        assertThat(invite.asString())
                .contains(EXPIRED, "value=\"" + email + "\"", "value=\"Mi-rae Kim\"", "value=\"HANDLER\" checked");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Staff.findByEmail(email)))
                .isEmpty();

        // An invitation accepted with a stale form: the name comes back, the passwords do not.
        assertThat(a.post(
                                "/staff/admin/staff",
                                Map.of(
                                        "school",
                                        String.valueOf(school),
                                        "email",
                                        email,
                                        "displayName",
                                        "Mi-rae Kim",
                                        "roles",
                                        "HANDLER"))
                        .statusCode())
                .isEqualTo(303);
        String token = link(INVITE_LINK, email);
        FormSession invitee = new FormSession();
        invitee.get("/staff/invitation?token=" + token);
        Response accept = stale(
                invitee,
                "/staff/invitation",
                Map.of(
                        "token",
                        token,
                        "displayName",
                        "Mi-rae Kim",
                        "newPassword",
                        "amber lantern river 7",
                        "confirmPassword",
                        "amber lantern river 7"));
        assertThat(accept.statusCode()).isEqualTo(400);
        assertThat(accept.asString()).contains(EXPIRED, "value=\"Mi-rae Kim\"").doesNotContain("amber lantern river 7");
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> Staff.findByEmail(email).orElseThrow().passwordHash))
                .isNull();

        FormSession d = fx.signedIn(fx.account(null, true, Role.DISTRICT_ADMIN));
        d.get("/staff/district/admins");
        String other = StaffFixtures.email("district");
        Response district = stale(d, "/staff/district/admins", Map.of("email", other, "displayName", "Hyun-woo Lee"));
        assertThat(district.statusCode()).isEqualTo(400);
        assertThat(district.asString()).contains(EXPIRED, "value=\"" + other + "\"", "value=\"Hyun-woo Lee\"");
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMail.listTo(other)))
                .isEmpty();

        Response offer = stale(a, "/staff/offers/1", Map.of("answer", "accept"));
        assertThat(offer.statusCode()).isEqualTo(303);
        assertThat(offer.header("Location")).endsWith("/staff");
        assertThat(offer.headers().getValues("Set-Cookie"))
                .anyMatch(c -> c.startsWith("haven_flash=form_csrf_expired;"));
    }

    @Test
    void setupComesBackFilledInWithoutPasswords() {
        String token = setupTokens.withoutAdministrators();
        FormSession b = new FormSession();
        b.get("/staff/setup?token=" + token);
        String slug = "stale-" + System.nanoTime();
        Response r = stale(
                b,
                "/staff/setup",
                Map.of(
                        "token", token,
                        "kind", "school",
                        "schoolName", "École Première",
                        "slug", slug,
                        "jurisdiction", "kr",
                        "language", "en",
                        "timeZone", "Asia/Seoul",
                        "displayName", "Ji-woo Park",
                        "email", StaffFixtures.email("setup"),
                        "password", "amber lantern river 7"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString())
                .contains(EXPIRED, "value=\"École Première\"", "value=\"" + slug + "\"", "value=\"Ji-woo Park\"")
                .doesNotContain("amber lantern river 7");
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> io.haven.school.School.findBySlug(slug).isPresent()))
                .isFalse();
    }
}
