package io.haven.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.audit.CaseAudit;
import io.haven.notify.OutboxMail;
import io.haven.school.RoutingRule;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.staff.StaffRole;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An administrator sets who receives which reports, and sees what would reach nobody and what mail failed. */
@QuarkusTest
class RoutingAdminTest {

    @Inject
    StaffFixtures staff;

    @AfterEach
    void reset() {
        staff.reset();
    }

    @Test
    void adminAddsAndRemovesARuleAndSeesUnroutedCategoriesAndFailedMail() {
        long school = staff.school("en");
        StaffFixtures.Account admin = staff.account(school, true, Role.ADMIN);
        StaffFixtures.Account handler = staff.account(school, true, Role.HANDLER);
        FormSession a = staff.signedIn(admin);

        QuarkusTransaction.requiringNew().run(() -> {
            OutboxMail m = new OutboxMail();
            m.recipient = handler.email();
            m.seal("Haven: a report is waiting", "link");
            m.createdAt = Instant.now();
            m.nextAttemptAt = m.createdAt;
            m.attempts = 12;
            m.lastError = "MessagingException";
            m.failedAt = Instant.now();
            m.persist();
        });

        Response page = a.get("/staff/admin/routing?school=" + school);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString())
                .contains("Mail that could not be sent")
                .contains(handler.email())
                .doesNotContain("These categories would reach nobody");

        Response bad = a.post("/staff/admin/routing", Map.of("school", school, "category", "nonsense", "staff", "x"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString())
                .contains("Choose a category.")
                .contains("Choose someone who handles reports at this school.");

        a.get("/staff/admin/routing?school=" + school);
        Response added = a.post(
                "/staff/admin/routing", Map.of("school", school, "category", "sextortion", "staff", handler.id()));
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(QuarkusTransaction.requiringNew().call(() -> RoutingRule.staffFor(school, "sextortion")))
                .containsExactly(handler.id());

        long ruleId = QuarkusTransaction.requiringNew()
                .call(() -> RoutingRule.listBySchool(school).get(0).id);
        a.get("/staff/admin/routing?school=" + school);
        assertThat(a.post("/staff/admin/routing/delete", Map.of("school", school, "rule", ruleId))
                        .statusCode())
                .isEqualTo(303);
        assertThat(QuarkusTransaction.requiringNew().call(() -> RoutingRule.listBySchool(school)))
                .isEmpty();
    }

    @Test
    void aSchoolWithoutHandlersShowsEveryCategoryAsReachingNobodyAndOthersGet404() {
        long school = staff.school("fr");
        long other = staff.school("fr");
        StaffFixtures.Account admin = staff.account(school, true, Role.ADMIN);
        QuarkusTransaction.requiringNew().run(() -> StaffRole.delete("staffId = ?1", admin.id()));
        QuarkusTransaction.requiringNew()
                .run(() -> StaffRole.of(admin.id(), school, Role.ADMIN).persist());
        FormSession a = staff.signedIn(admin);
        assertThat(a.get("/staff/admin/routing?school=" + school + "&lang=fr").asString())
                .contains("Ces catégories n’atteindraient personne");
        assertThat(a.get("/staff/admin/routing?school=" + other).statusCode()).isEqualTo(404);
        FormSession handler = staff.signedIn(staff.account(school, true, Role.HANDLER));
        assertThat(handler.get("/staff/admin/routing?school=" + school).statusCode())
                .isEqualTo(404);
    }

    @Test
    void adminSendsUndeliveredMailAgainOnlyForTheirSchoolAndItIsAudited() {
        long school = staff.school("en");
        long other = staff.school("en");
        StaffFixtures.Account admin = staff.account(school, true, Role.ADMIN);
        StaffFixtures.Account handler = staff.account(school, true, Role.HANDLER);
        StaffFixtures.Account otherAdmin = staff.account(other, true, Role.ADMIN);
        Instant later = Instant.now().plusSeconds(900);
        long waiting = QuarkusTransaction.requiringNew().call(() -> {
            OutboxMail m = new OutboxMail();
            m.recipient = handler.email();
            m.seal("Haven: a report is waiting", "link");
            m.createdAt = Instant.now();
            m.nextAttemptAt = later;
            m.attempts = 30;
            m.lastError = "MessagingException";
            m.persist();
            return m.id;
        });

        FormSession a = staff.signedIn(admin);
        Response page = a.get("/staff/admin/routing?school=" + school);
        assertThat(page.asString())
                .contains(
                        "Mail that could not be sent",
                        handler.email(),
                        "Haven: a report is waiting",
                        "30 attempts",
                        "still trying",
                        "Send again now");

        FormSession o = staff.signedIn(otherAdmin);
        o.get("/staff/admin/routing?school=" + other);
        assertThat(o.post("/staff/admin/routing/resend", Map.of("school", other, "mail", waiting))
                        .statusCode())
                .as("another school's mail")
                .isEqualTo(404);
        assertThat(a.postRaw("/staff/admin/routing/resend", Map.of("school", school, "mail", waiting))
                        .statusCode())
                .isEqualTo(303);
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail>findById(waiting).nextAttemptAt))
                .as("no CSRF token, nothing changes")
                .isAfter(Instant.now().plusSeconds(600));

        a.get("/staff/admin/routing?school=" + school);
        Response resent = a.post("/staff/admin/routing/resend", Map.of("school", school, "mail", waiting));
        assertThat(resent.statusCode()).isEqualTo(303);
        assertThat(resent.headers().getValues("Set-Cookie"))
                .anyMatch(c -> c.startsWith("haven_flash=outbox_flash_resent;"));
        OutboxMail after = QuarkusTransaction.requiringNew().call(() -> OutboxMail.findById(waiting));
        assertThat(after.nextAttemptAt).isBefore(later);
        assertThat(after.attempts).isZero();
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> CaseAudit.count(
                                "schoolId = ?1 and staffId = ?2 and action = 'MAIL_RESEND' and detail = ?3",
                                school,
                                admin.id(),
                                "mail " + waiting)))
                .isEqualTo(1);
        assertThat(a.get("/staff/admin/routing?school=" + school).asString())
                .contains("The mail will be sent again within a minute.");
        QuarkusTransaction.requiringNew().run(() -> OutboxMail.deleteById(waiting));
    }
}
