package io.haven.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.notify.OutboxMail;
import io.haven.web.Clock;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An administrator invites staff; the invitee sets a password through a single-use link. */
@QuarkusTest
class InvitationTest {

    static final Pattern LINK =
            Pattern.compile("(http://localhost:8080(/staff/invitation\\?token=([A-Za-z0-9_-]{43})))");

    @Inject
    StaffFixtures fx;

    @Inject
    Clock clock;

    long school;
    FormSession admin;

    @BeforeEach
    void setUp() {
        fx.reset();
        school = fx.school("fr");
        admin = fx.signedIn(fx.account(school, true, Role.ADMIN));
    }

    @AfterEach
    void tearDown() {
        fx.reset();
    }

    Response invite(String email, String name, String role) {
        admin.get("/staff/admin/staff?school=" + school);
        return admin.post(
                "/staff/admin/staff",
                Map.of("school", String.valueOf(school), "email", email, "displayName", name, "roles", role));
    }

    static OutboxMail onlyMailTo(String email) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<OutboxMail> mails = OutboxMail.listTo(email);
            assertThat(mails).hasSize(1);
            return mails.get(0);
        });
    }

    @Test
    void invitationLinkWorksOnceAndTheMailHoldsNoOtherSecret() {
        String email = StaffFixtures.email("invitee");
        Response r = invite(email.toUpperCase(), "Léa Dubois", "TEACHER");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(URI.create(r.header("Location")).getPath() + "?"
                        + URI.create(r.header("Location")).getQuery())
                .isEqualTo("/staff/admin/staff?school=" + school);
        Response list = admin.get("/staff/admin/staff?school=" + school);
        assertThat(list.asString())
                .contains("The invitation has been sent", "Léa Dubois", email, "Invited, not yet accepted");

        // The mail is in the school's language, and the link is its only secret.
        OutboxMail mail = onlyMailTo(email);
        assertThat(mail.subject()).contains("Invitation");
        Matcher m = LINK.matcher(mail.bodyText());
        assertThat(m.find()).isTrue();
        String token = m.group(3);
        assertThat(mail.bodyText()).contains("Bonjour Léa Dubois", "7 jours").doesNotContain("$argon2", "v1:");
        QuarkusTransaction.requiringNew().run(() -> {
            StaffToken t = StaffToken.find("staffId", Staff.findByEmail(email).orElseThrow().id)
                    .firstResult();
            assertThat(t.tokenHash).hasSize(64).isNotEqualTo(token);
            assertThat(mail.bodyText()).doesNotContain(t.tokenHash);
        });

        FormSession invitee = new FormSession();
        Response page = invitee.get(m.group(2));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains(email, "value=\"Léa Dubois\"", "autocomplete=\"new-password\"");
        Response weak = invitee.post(
                "/staff/invitation",
                Map.of(
                        "token",
                        token,
                        "displayName",
                        "Léa Dubois",
                        "newPassword",
                        "azerty123456",
                        "confirmPassword",
                        "azerty123456"));
        assertThat(weak.statusCode()).isEqualTo(400);
        // The audit's example: long enough, and on every list of breached passwords.
        Response breached = invitee.post(
                "/staff/invitation",
                Map.of(
                        "token",
                        token,
                        "displayName",
                        "Léa Dubois",
                        "newPassword",
                        "qwertyuiop123",
                        "confirmPassword",
                        "qwertyuiop123"));
        assertThat(breached.statusCode()).isEqualTo(400);
        assertThat(breached.asString())
                .contains("This password is on lists of passwords leaked from other sites", "href=\"#newPassword\"");
        Response done = invitee.post(
                "/staff/invitation",
                Map.of(
                        "token",
                        token,
                        "displayName",
                        "Léa Dubois",
                        "newPassword",
                        "marée haute du soir",
                        "confirmPassword",
                        "marée haute du soir"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.header("Location")).endsWith("/staff/login");

        // Used once: the link is dead, and the new account signs in.
        assertThat(new FormSession().get(m.group(2)).statusCode()).isEqualTo(404);
        FormSession again = new FormSession();
        again.get(m.group(2));
        assertThat(again.post(
                                "/staff/invitation",
                                Map.of(
                                        "token",
                                        token,
                                        "displayName",
                                        "Mallory",
                                        "newPassword",
                                        "another strong phrase",
                                        "confirmPassword",
                                        "another strong phrase"))
                        .statusCode())
                .isEqualTo(404);
        Response login = StaffFixtures.passwordStep(new FormSession(), email, "marée haute du soir");
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.header("Location")).endsWith("/staff");
        assertThat(admin.get("/staff/admin/staff?school=" + school).asString())
                .doesNotContain("Invited, not yet accepted");
    }

    @Test
    void invitationLinkExpiresAfterSevenDays() {
        String email = StaffFixtures.email("late");
        invite(email, "Late Comer", "HANDLER");
        Matcher m = LINK.matcher(onlyMailTo(email).bodyText());
        assertThat(m.find()).isTrue();
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        Response r = new FormSession().get(m.group(2));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.asString()).contains("This link does not work");
    }

    @Test
    void invitingAnExistingAccountOnlyOffersTheRolesUntilItsOwnerAccepts() {
        StaffFixtures.Account t = fx.account(school, false, Role.TEACHER);
        Response r = invite(t.email(), "Ignored Name", "HANDLER");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(admin.get("/staff/admin/staff?school=" + school).asString())
                .contains("Nothing changes until they do");
        OutboxMail mail = onlyMailTo(t.email());
        assertThat(mail.bodyText()).contains("/staff").doesNotContain("token=");
        // Nothing granted yet: not a handler, no second factor asked for.
        QuarkusTransaction.requiringNew()
                .run(() -> assertThat(StaffRole.exists(t.id(), school, Role.HANDLER))
                        .isFalse());
        assertThat(StaffFixtures.passwordStep(new FormSession(), t.email(), StaffFixtures.PASSWORD)
                        .header("Location"))
                .endsWith("/staff");
        assertThat(auditActions()).contains("ROLES_OFFERED");

        // The owner, signed in, sees the offer and accepts it.
        FormSession owner = fx.signedIn(t);
        String home = owner.get("/staff").asString();
        assertThat(home).contains("offers you these roles", "Accept the roles at");
        long offer = QuarkusTransaction.requiringNew()
                .call(() -> StaffRoleOffer.findFor(t.id(), school).orElseThrow().id);
        // Nobody else may answer it: another account gets 404 and nothing changes.
        FormSession other = fx.signedIn(fx.account(school, false, Role.TEACHER));
        other.get("/staff");
        assertThat(other.post("/staff/offers/" + offer, Map.of("answer", "accept"))
                        .statusCode())
                .isEqualTo(404);
        QuarkusTransaction.requiringNew()
                .run(() -> assertThat(StaffRole.exists(t.id(), school, Role.HANDLER))
                        .isFalse());
        Response accepted = owner.post("/staff/offers/" + offer, Map.of("answer", "accept"));
        assertThat(accepted.statusCode()).isEqualTo(303);
        QuarkusTransaction.requiringNew()
                .run(() -> assertThat(StaffRole.exists(t.id(), school, Role.HANDLER))
                        .isTrue());
        assertThat(auditActions()).contains("ROLES_ACCEPTED");
        // Now a handler, the account must set up a second factor.
        assertThat(StaffFixtures.passwordStep(new FormSession(), t.email(), StaffFixtures.PASSWORD)
                        .header("Location"))
                .endsWith("/staff/enrol");
    }

    @Test
    void aDeclinedOfferGrantsNothing() {
        StaffFixtures.Account t = fx.account(school, false, Role.TEACHER);
        invite(t.email(), "Ignored Name", "ADMIN");
        FormSession owner = fx.signedIn(t);
        owner.get("/staff");
        long offer = QuarkusTransaction.requiringNew()
                .call(() -> StaffRoleOffer.findFor(t.id(), school).orElseThrow().id);
        assertThat(owner.post("/staff/offers/" + offer, Map.of("answer", "decline"))
                        .statusCode())
                .isEqualTo(303);
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(StaffRole.exists(t.id(), school, Role.ADMIN)).isFalse();
            assertThat(StaffRoleOffer.findFor(t.id(), school)).isEmpty();
        });
        assertThat(auditActions()).contains("ROLES_DECLINED");
    }

    List<String> auditActions() {
        return QuarkusTransaction.requiringNew()
                .call(() -> io.haven.audit.CaseAudit.<io.haven.audit.CaseAudit>list("schoolId", school).stream()
                        .map(a -> a.action)
                        .toList());
    }

    @Test
    void invalidInvitationComesBackWithErrors() {
        admin.get("/staff/admin/staff?school=" + school);
        Response r = admin.post(
                "/staff/admin/staff",
                Map.of("school", String.valueOf(school), "email", "not-an-address", "displayName", ""));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString())
                .contains(
                        "Enter an e-mail address like",
                        "Enter a name",
                        "Choose at least one role",
                        "value=\"not-an-address\"",
                        "href=\"#email\"",
                        "href=\"#roles\"");
    }

    @Test
    void adminOfOneSchoolCannotSeeOrInviteForAnother() {
        long other = fx.school("en");
        assertThat(admin.get("/staff/admin/staff?school=" + other).statusCode()).isEqualTo(404);
        admin.get("/staff/admin/staff?school=" + school);
        Response r = admin.post(
                "/staff/admin/staff",
                Map.of(
                        "school",
                        String.valueOf(other),
                        "email",
                        StaffFixtures.email("x"),
                        "displayName",
                        "X",
                        "roles",
                        "ADMIN"));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(admin.get("/staff/admin/staff?school=abc").statusCode()).isEqualTo(404);
    }
}
