package io.haven.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.audit.DistrictAudit;
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

/** A district administrator invites another, who becomes one only by accepting; both steps are audited. */
@QuarkusTest
class DistrictAdminsTest {

    static final Pattern LINK = Pattern.compile("/staff/invitation\\?token=([A-Za-z0-9_-]{43})");

    @Inject
    StaffFixtures fx;

    @AfterEach
    void tearDown() {
        fx.reset();
    }

    Response invite(FormSession d, String email, String name) {
        d.get("/staff/district/admins");
        return d.post("/staff/district/admins", Map.of("email", email, "displayName", name));
    }

    @Test
    void anInvitedDistrictAdministratorAcceptsAndSignsIn() {
        StaffFixtures.Account me = fx.account(null, true, Role.DISTRICT_ADMIN);
        FormSession d = fx.signedIn(me);
        assertThat(d.get("/staff").asString())
                .contains("href=\"/staff/district/admins\"", "href=\"/staff/admin/status\"");

        String email = StaffFixtures.email("district");
        Response r = invite(d, email, "Hyun-woo Lee");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(d.get(r.header("Location")).asString())
                .contains("The invitation has been sent", "Hyun-woo Lee", email, "Invited, not yet accepted");

        List<OutboxMail> mails = QuarkusTransaction.requiringNew().call(() -> OutboxMail.listTo(email));
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).subject()).contains("district administrator");
        Matcher m = LINK.matcher(mails.get(0).bodyText());
        assertThat(m.find()).isTrue();
        String token = m.group(1);

        // Not a district administrator before accepting: the account has no password, so it cannot sign in.
        QuarkusTransaction.requiringNew().run(() -> {
            Staff s = Staff.findByEmail(email).orElseThrow();
            assertThat(s.passwordHash).isNull();
            assertThat(DistrictAudit.<DistrictAudit>list("action = 'DISTRICT_ADMIN_INVITE' and staffId = ?1", me.id()))
                    .anyMatch(a -> a.detail.equals("staff " + s.id));
        });

        FormSession invitee = new FormSession();
        Response page = invitee.get("/staff/invitation?token=" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("invited to be a district administrator");
        Response done = invitee.post(
                "/staff/invitation",
                Map.of(
                        "token",
                        token,
                        "displayName",
                        "Hyun-woo Lee",
                        "newPassword",
                        "granite lantern meadow",
                        "confirmPassword",
                        "granite lantern meadow"));
        assertThat(done.statusCode()).isEqualTo(303);
        QuarkusTransaction.requiringNew().run(() -> {
            Staff s = Staff.findByEmail(email).orElseThrow();
            assertThat(StaffRole.exists(s.id, null, Role.DISTRICT_ADMIN)).isTrue();
            assertThat(DistrictAudit.<DistrictAudit>list("action = 'DISTRICT_ADMIN_ACCEPT' and staffId = ?1", s.id))
                    .hasSize(1);
        });
        assertThat(d.get("/staff/district/admins").asString()).contains("Active");
        // The new district administrator signs in (and is asked for a second factor first).
        assertThat(StaffFixtures.passwordStep(new FormSession(), email, "granite lantern meadow")
                        .header("Location"))
                .endsWith("/staff/enrol");

        // Inviting again changes nothing.
        Response twice = invite(d, email, "Hyun-woo Lee");
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.asString()).contains("already a district administrator");
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMail.listTo(email)))
                .hasSize(1);
    }

    @Test
    void onlyDistrictAdministratorsInviteAndExistingAccountsAreNotTakenOver() {
        long school = fx.school("en");
        FormSession admin = fx.signedIn(fx.account(school, true, Role.ADMIN));
        assertThat(admin.get("/staff/district/admins").statusCode()).isEqualTo(404);

        FormSession d = fx.signedIn(fx.account(null, true, Role.DISTRICT_ADMIN));
        StaffFixtures.Account teacher = fx.account(school, false, Role.TEACHER);
        Response r = invite(d, teacher.email(), "Someone");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("already has a staff account", "value=\"Someone\"");
        QuarkusTransaction.requiringNew()
                .run(() -> assertThat(StaffRole.exists(teacher.id(), null, Role.DISTRICT_ADMIN))
                        .isFalse());

        Response bad = invite(d, "not-an-address", "");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("Enter the person", "Enter an e-mail address", "href=\"#email\"");
    }
}
