package io.haven.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.audit.CaseAudit;
import io.haven.report.Affected;
import io.haven.report.CaseStatus;
import io.haven.report.Category;
import io.haven.report.ReportCase;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A school administrator manages colleagues: second factor reset, roles, deactivation with reassignment. */
@QuarkusTest
class StaffAdminManagementTest {

    @Inject
    StaffFixtures fx;

    @AfterEach
    void reset() {
        fx.reset();
    }

    static String member(long school, long id) {
        return "/staff/admin/staff/" + id + "?school=" + school;
    }

    static Response post(FormSession b, long school, long id, String action, Map<String, Object> extra) {
        b.get(member(school, id));
        Map<String, Object> f = new java.util.HashMap<>(extra);
        f.put("school", school);
        return b.post("/staff/admin/staff/" + id + "/" + action, f);
    }

    static List<CaseAudit> audit(long school, String action) {
        return QuarkusTransaction.requiringNew()
                .call(() -> CaseAudit.<CaseAudit>list("schoolId = ?1 and action = ?2 order by id", school, action));
    }

    static long newCase(long school, Category category, Long assignee, CaseStatus status) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            ReportCase c = new ReportCase();
            c.schoolId = school;
            c.category = category;
            c.affected = Affected.ME;
            c.status = status;
            c.receiptHash = (UUID.randomUUID().toString() + UUID.randomUUID())
                    .replace("-", "")
                    .substring(0, 64);
            c.number = ReportCase.nextNumber(school);
            c.createdAt = now;
            c.updatedAt = now;
            c.acknowledgeBy = now.plus(Duration.ofDays(1));
            c.reviewBy = now.plus(Duration.ofDays(7));
            c.closedAt = status == CaseStatus.CLOSED ? now : null;
            c.assigneeId = assignee;
            c.persist();
            return c.id;
        });
    }

    static Long assignee(long caseId) {
        return QuarkusTransaction.requiringNew().call(() -> ReportCase.<ReportCase>findById(caseId).assigneeId);
    }

    @Test
    void factorResetForcesEnrolmentAtNextSignInEndsSessionsAndIsAudited() {
        long school = fx.school("en");
        StaffFixtures.Account admin = fx.account(school, true, Role.ADMIN);
        StaffFixtures.Account handler = fx.account(school, true, Role.HANDLER);
        FormSession a = fx.signedIn(admin);
        FormSession h = fx.signedIn(handler);
        assertThat(h.get("/staff").statusCode()).isEqualTo(200);

        // The list of who has enrolled.
        String list = a.get("/staff/admin/staff?school=" + school).asString();
        assertThat(list).contains("Second factor", "Set up on", "Manage Test handler");

        Response page = a.get(member(school, handler.id()));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("Reset the second factor of Test handler");

        Response r = post(a, school, handler.id(), "factor-reset", Map.of());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(a.get(r.header("Location")).asString()).contains("The second factor has been reset", "Not set up");

        QuarkusTransaction.requiringNew().run(() -> {
            Staff s = Staff.findById(handler.id());
            assertThat(s.totpSecret).isNull();
            assertThat(s.totpEnrolledAt).isNull();
            assertThat(RecoveryCode.count("staffId", handler.id())).isZero();
        });
        List<CaseAudit> rows = audit(school, "FACTOR_RESET");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).staffId).isEqualTo(admin.id());
        assertThat(rows.get(0).caseId).isNull();
        assertThat(rows.get(0).detail).isEqualTo("staff " + handler.id());

        // The old session is over.
        Response old = h.get("/staff");
        assertThat(old.statusCode()).isEqualTo(303);
        assertThat(old.header("Location")).endsWith("/staff/login");
        assertThat(h.get("/staff/cases").statusCode()).isEqualTo(303);

        // The next sign-in goes to enrolment, not to the staff home.
        FormSession again = new FormSession();
        Response login = StaffFixtures.passwordStep(again, handler.email(), StaffFixtures.PASSWORD);
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.header("Location")).endsWith("/staff/enrol");
        assertThat(again.get("/staff").header("Location")).endsWith("/staff/enrol");
        assertThat(again.get("/staff/cases").header("Location")).endsWith("/staff/enrol");
        assertThat(again.get("/staff/enrol").statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminCannotResetTheirOwnFactorHere() {
        long school = fx.school("en");
        StaffFixtures.Account admin = fx.account(school, true, Role.ADMIN);
        FormSession a = fx.signedIn(admin);
        assertThat(a.get(member(school, admin.id())).asString())
                .contains("You cannot reset your own second factor here")
                .doesNotContain("/factor-reset");
        Response r = post(a, school, admin.id(), "factor-reset", Map.of());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("You cannot do this to your own account here");
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> Staff.<Staff>findById(admin.id()).enrolled()))
                .isTrue();
        assertThat(audit(school, "FACTOR_RESET")).isEmpty();
    }

    @Test
    void rolesChangeAndTheLastAdministratorStays() {
        long school = fx.school("en");
        StaffFixtures.Account admin = fx.account(school, true, Role.ADMIN);
        StaffFixtures.Account teacher = fx.account(school, false, Role.TEACHER);
        FormSession a = fx.signedIn(admin);

        Response r = post(a, school, teacher.id(), "roles", Map.of("roles", "HANDLER"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(QuarkusTransaction.requiringNew().call(() -> StaffRole.exists(teacher.id(), school, Role.HANDLER)))
                .isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> StaffRole.exists(teacher.id(), school, Role.TEACHER)))
                .isFalse();
        assertThat(a.get(member(school, teacher.id())).asString())
                .contains("The roles have been saved", "value=\"HANDLER\" checked");
        assertThat(audit(school, "ROLES")).hasSize(1);

        Response none = post(a, school, teacher.id(), "roles", Map.of());
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.asString()).contains("Choose at least one role", "href=\"#roles\"");

        Response last = post(a, school, admin.id(), "roles", Map.of("roles", "HANDLER"));
        assertThat(last.statusCode()).isEqualTo(400);
        assertThat(last.asString()).contains("This is the school’s last active administrator");
        assertThat(QuarkusTransaction.requiringNew().call(() -> StaffRole.exists(admin.id(), school, Role.ADMIN)))
                .isTrue();

        // A CSRF-less post is refused with the page filled in.
        a.get(member(school, teacher.id()));
        Response forged =
                a.postRaw("/staff/admin/staff/" + teacher.id() + "/roles", Map.of("school", school, "roles", "ADMIN"));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(QuarkusTransaction.requiringNew().call(() -> StaffRole.exists(teacher.id(), school, Role.ADMIN)))
                .isFalse();

        // With a second administrator, the first may step down.
        assertThat(post(a, school, teacher.id(), "roles", Map.of("roles", "ADMIN"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(post(a, school, admin.id(), "roles", Map.of("roles", "HANDLER"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(a.get("/staff/admin/staff?school=" + school).statusCode()).isEqualTo(404);
    }

    @Test
    void losingTheRightToOpenCasesSendsThemBackToTheQueue() {
        long school = fx.school("en");
        StaffFixtures.Account admin = fx.account(school, true, Role.ADMIN);
        StaffFixtures.Account handler = fx.account(school, false, Role.HANDLER, Role.ADMIN);
        long open = newCase(school, Category.BULLYING, handler.id(), CaseStatus.IN_PROGRESS);
        long adult = newCase(school, Category.ADULT_CONCERN, handler.id(), CaseStatus.NEW);
        long closed = newCase(school, Category.BULLYING, handler.id(), CaseStatus.CLOSED);
        FormSession a = fx.signedIn(admin);

        // No longer an administrator: the concern about an adult goes back to the queue, the rest stays.
        assertThat(post(a, school, handler.id(), "roles", Map.of("roles", "HANDLER"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(assignee(adult)).isNull();
        assertThat(assignee(open)).isEqualTo(handler.id());

        // Teacher only: every open case goes back; a closed one keeps its history.
        assertThat(post(a, school, handler.id(), "roles", Map.of("roles", "TEACHER"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(assignee(open)).isNull();
        assertThat(assignee(closed)).isEqualTo(handler.id());
        assertThat(audit(school, "REASSIGN")).extracting(x -> x.caseId).containsExactly(adult, open);
        assertThat(audit(school, "REASSIGN"))
                .extracting(x -> x.detail)
                .containsOnly("assignee " + handler.id() + " -> none");
    }

    @Test
    void deactivationReassignsOpenCasesAuditsAndBlocksSignIn() {
        long school = fx.school("en");
        StaffFixtures.Account admin = fx.account(school, true, Role.ADMIN);
        StaffFixtures.Account leaving = fx.account(school, true, Role.HANDLER);
        StaffFixtures.Account taking = fx.account(school, true, Role.HANDLER);
        FormSession a = fx.signedIn(admin);
        FormSession l = fx.signedIn(leaving);
        long open1 = newCase(school, Category.BULLYING, leaving.id(), CaseStatus.NEW);
        long open2 = newCase(school, Category.OTHER, leaving.id(), CaseStatus.IN_PROGRESS);
        long adultConcern = newCase(school, Category.ADULT_CONCERN, leaving.id(), CaseStatus.ACKNOWLEDGED);
        long closed = newCase(school, Category.OTHER, leaving.id(), CaseStatus.CLOSED);
        long other = newCase(school, Category.OTHER, taking.id(), CaseStatus.NEW);

        String page = a.get(member(school, leaving.id())).asString();
        assertThat(page)
                .contains("Who takes over the open cases (3)", "value=\"" + taking.id() + "\"")
                .doesNotContain("value=\"" + leaving.id() + "\"");

        // A colleague who cannot handle cases is refused, with the page shown again.
        Response bad = post(a, school, leaving.id(), "deactivate", Map.of("reassign", "999999"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("Choose an active colleague who handles reports", "href=\"#reassign\"");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Staff.<Staff>findById(leaving.id()).active))
                .isTrue();

        Response r = post(a, school, leaving.id(), "deactivate", Map.of("reassign", String.valueOf(taking.id())));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(a.get(r.header("Location")).asString())
                .contains("The account has been deactivated", "Reactivate the account of");

        assertThat(assignee(open1)).isEqualTo(taking.id());
        assertThat(assignee(open2)).isEqualTo(taking.id());
        // A concern about an adult goes only to an administrator: back to the queue.
        assertThat(assignee(adultConcern)).isNull();
        assertThat(assignee(closed)).isEqualTo(leaving.id());
        assertThat(assignee(other)).isEqualTo(taking.id());

        List<CaseAudit> reassigned = audit(school, "REASSIGN");
        assertThat(reassigned).extracting(x -> x.caseId).containsExactlyInAnyOrder(open1, open2, adultConcern);
        assertThat(reassigned).allMatch(x -> x.staffId.equals(admin.id()));
        assertThat(reassigned)
                .extracting(x -> x.detail)
                .contains("assignee " + leaving.id() + " -> " + taking.id(), "assignee " + leaving.id() + " -> none");
        List<CaseAudit> deactivated = audit(school, "DEACTIVATE");
        assertThat(deactivated).hasSize(1);
        assertThat(deactivated.get(0).caseId).isNull();

        // Signed out everywhere, and cannot sign in again.
        assertThat(l.get("/staff").header("Location")).endsWith("/staff/login");
        Response login = StaffFixtures.passwordStep(new FormSession(), leaving.email(), StaffFixtures.PASSWORD);
        assertThat(login.statusCode()).isEqualTo(400);
        assertThat(a.get("/staff/admin/staff?school=" + school).asString()).contains("Switched off");

        Response back = post(a, school, leaving.id(), "reactivate", Map.of());
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(audit(school, "REACTIVATE")).hasSize(1);
        assertThat(StaffFixtures.passwordStep(new FormSession(), leaving.email(), StaffFixtures.PASSWORD)
                        .statusCode())
                .isEqualTo(303);
    }

    @Test
    void deactivationToTheQueueAndRefusals() {
        long school = fx.school("en");
        long otherSchool = fx.school("en");
        StaffFixtures.Account admin = fx.account(school, true, Role.ADMIN);
        StaffFixtures.Account handler = fx.account(school, true, Role.HANDLER);
        StaffFixtures.Account twoSchools = fx.account(school, true, Role.HANDLER);
        QuarkusTransaction.requiringNew()
                .run(() ->
                        StaffRole.of(twoSchools.id(), otherSchool, Role.TEACHER).persist());
        FormSession a = fx.signedIn(admin);
        long c = newCase(school, Category.BULLYING, handler.id(), CaseStatus.NEW);

        assertThat(post(a, school, handler.id(), "deactivate", Map.of("reassign", ""))
                        .statusCode())
                .isEqualTo(303);
        assertThat(assignee(c)).isNull();

        Response self = post(a, school, admin.id(), "deactivate", Map.of("reassign", ""));
        assertThat(self.statusCode()).isEqualTo(400);
        assertThat(self.asString()).contains("You cannot do this to your own account here");

        Response elsewhere = post(a, school, twoSchools.id(), "deactivate", Map.of("reassign", ""));
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(elsewhere.asString()).contains("also works for another school");

        // Another administrator may be deactivated; the one left is then the last and stays.
        StaffFixtures.Account admin2 = fx.account(school, true, Role.ADMIN);
        FormSession a2 = fx.signedIn(admin2);
        assertThat(post(a2, school, admin.id(), "deactivate", Map.of("reassign", ""))
                        .statusCode())
                .isEqualTo(303);
        assertThat(a.get("/staff").header("Location")).endsWith("/staff/login");
        Response lastAdmin = post(a2, school, admin2.id(), "roles", Map.of("roles", "TEACHER"));
        assertThat(lastAdmin.statusCode()).isEqualTo(400);
        assertThat(lastAdmin.asString()).contains("last active administrator");
        assertThat(QuarkusTransaction.requiringNew().call(() -> StaffRole.exists(admin2.id(), school, Role.ADMIN)))
                .isTrue();
    }

    /**
     * Security audit H1: an administrator of one school must not reach an account that also serves another
     * school or the district (second factor, sessions, deactivation, new roles), and every change they may
     * make is audited and mailed to the account's owner.
     */
    @Test
    void noSchoolAdminCanTakeOverAnAccountOfAnotherSchoolOrTheDistrict() {
        long school = fx.school("en");
        long otherSchool = fx.school("en");
        StaffFixtures.Account attacker = fx.account(school, true, Role.ADMIN);
        StaffFixtures.Account victim = fx.account(otherSchool, true, Role.ADMIN);
        StaffFixtures.Account district = fx.account(null, true, Role.DISTRICT_ADMIN);
        FormSession a = fx.signedIn(attacker);
        FormSession v = fx.signedIn(victim);

        // Inviting the other school's administrator only offers roles: no membership, so still 404 here.
        a.get("/staff/admin/staff?school=" + school);
        assertThat(a.post(
                                "/staff/admin/staff",
                                Map.of(
                                        "school",
                                        String.valueOf(school),
                                        "email",
                                        victim.email(),
                                        "displayName",
                                        "x",
                                        "roles",
                                        "TEACHER"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(a.get(member(school, victim.id())).statusCode()).isEqualTo(404);
        assertThat(post(a, school, victim.id(), "factor-reset", Map.of()).statusCode())
                .isEqualTo(404);

        // Even once the victim accepted a role here, what is account-wide stays out of this school's reach.
        QuarkusTransaction.requiringNew()
                .run(() -> StaffRole.of(victim.id(), school, Role.TEACHER).persist());
        QuarkusTransaction.requiringNew()
                .run(() -> StaffRole.of(district.id(), school, Role.TEACHER).persist());
        for (StaffFixtures.Account target : List.of(victim, district)) {
            Response reset = post(a, school, target.id(), "factor-reset", Map.of());
            assertThat(reset.statusCode()).isEqualTo(400);
            assertThat(reset.asString()).contains("also works for another school or for the district");
            assertThat(post(a, school, target.id(), "deactivate", Map.of("reassign", ""))
                            .statusCode())
                    .isEqualTo(400);
            assertThat(post(a, school, target.id(), "roles", Map.of("roles", "ADMIN"))
                            .statusCode())
                    .isEqualTo(400);
            QuarkusTransaction.requiringNew().run(() -> {
                Staff t = Staff.findById(target.id());
                assertThat(t.enrolled()).isTrue();
                assertThat(t.active).isTrue();
                assertThat(StaffRole.exists(target.id(), school, Role.ADMIN)).isFalse();
            });
        }
        assertThat(v.get("/staff").statusCode()).isEqualTo(200);
        assertThat(audit(school, "FACTOR_RESET")).isEmpty();
        assertThat(audit(school, "ROLES_OFFERED")).hasSize(1);
    }

    @Test
    void everyChangeToAColleagueIsMailedToThem() {
        long school = fx.school("en");
        StaffFixtures.Account admin = fx.account(school, true, Role.ADMIN);
        StaffFixtures.Account handler = fx.account(school, true, Role.HANDLER);
        FormSession a = fx.signedIn(admin);
        assertThat(post(a, school, handler.id(), "roles", Map.of("roles", "TEACHER"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(post(a, school, handler.id(), "factor-reset", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(post(a, school, handler.id(), "deactivate", Map.of("reassign", ""))
                        .statusCode())
                .isEqualTo(303);
        assertThat(post(a, school, handler.id(), "reactivate", Map.of()).statusCode())
                .isEqualTo(303);
        List<String> bodies = QuarkusTransaction.requiringNew()
                .call(() -> io.haven.notify.OutboxMail.listTo(handler.email()).stream()
                        .map(m -> m.bodyText())
                        .toList());
        assertThat(bodies).hasSize(4);
        assertThat(String.join("\n", bodies))
                .contains(
                        "Your roles at the school are now",
                        "second factor was reset",
                        "deactivated",
                        "reactivated",
                        "Test admin");
    }

    @Test
    void nonAdminsAndOtherSchoolsAdminsGet404() {
        long school = fx.school("en");
        long otherSchool = fx.school("en");
        StaffFixtures.Account admin = fx.account(school, true, Role.ADMIN);
        StaffFixtures.Account handler = fx.account(school, true, Role.HANDLER);
        StaffFixtures.Account otherAdmin = fx.account(otherSchool, true, Role.ADMIN);
        StaffFixtures.Account outsider = fx.account(otherSchool, true, Role.HANDLER);
        FormSession h = fx.signedIn(handler);
        assertThat(h.get(member(school, admin.id())).statusCode()).isEqualTo(404);
        h.get("/staff");
        assertThat(h.post("/staff/admin/staff/" + admin.id() + "/factor-reset", Map.of("school", school))
                        .statusCode())
                .isEqualTo(404);

        FormSession o = fx.signedIn(otherAdmin);
        assertThat(o.get(member(school, handler.id())).statusCode()).isEqualTo(404);
        // Their own school in the query does not reach someone of another school.
        assertThat(o.get(member(otherSchool, handler.id())).statusCode()).isEqualTo(404);
        o.get("/staff/admin/staff?school=" + otherSchool);
        assertThat(o.post("/staff/admin/staff/" + handler.id() + "/factor-reset", Map.of("school", otherSchool))
                        .statusCode())
                .isEqualTo(404);
        assertThat(o.post("/staff/admin/staff/" + handler.id() + "/deactivate", Map.of("school", school))
                        .statusCode())
                .isEqualTo(404);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> Staff.<Staff>findById(handler.id()).enrolled()))
                .isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Staff.<Staff>findById(handler.id()).active))
                .isTrue();

        FormSession a = fx.signedIn(admin);
        assertThat(a.get(member(school, outsider.id())).statusCode()).isEqualTo(404);
    }
}
