package io.haven.casework;

import static io.haven.casework.CaseworkFlowTest.lastCaseId;
import static io.haven.casework.CaseworkFlowTest.report;
import static io.haven.casework.CaseworkFlowTest.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.haven.audit.AuditChain;
import io.haven.audit.CaseAudit;
import io.haven.crypto.EncryptedColumns;
import io.haven.crypto.FieldCipher;
import io.haven.report.CaseStatus;
import io.haven.report.Category;
import io.haven.report.Outcome;
import io.haven.report.ReportCase;
import io.haven.report.ReportResource;
import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.web.Clock;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A closed case past its school's retention loses its content and keeps its statistics; a case within
 * retention and a case on legal hold are untouched; a lifted hold lets the next run purge it.
 */
@QuarkusTest
class RetentionTest {

    @Inject
    StaffFixtures staff;

    @Inject
    SchoolDirectory schools;

    @Inject
    RetentionJob retention;

    @Inject
    AuditChain chain;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    FieldCipher cipher;

    @Inject
    ReportResource reports;

    @Inject
    Instance<EncryptedColumns> registries;

    String referralText(long caseId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> (String) em.createNativeQuery("SELECT reference_enc FROM case_referral WHERE case_id = ?1")
                        .setParameter(1, caseId)
                        .getSingleResult());
    }

    @BeforeEach
    void limits() {
        reports.clearLimitsForTests();
    }

    @AfterEach
    void reset() {
        staff.reset();
    }

    String slug(long schoolId) {
        schools.refresh();
        return QuarkusTransaction.requiringNew().call(() -> School.<School>findById(schoolId).slug);
    }

    /** The raw row: encrypted columns, what statistics keep, and the purge and hold columns. */
    Object[] raw(long caseId) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "SELECT where_enc, when_enc, body_enc, contact_enc, outcome_reason_enc, category, outcome, status,"
                                + " created_at, closed_at, purged_at, legal_hold, legal_hold_reason_enc, affected, urgent"
                                + " FROM report_case WHERE id = ?1")
                .setParameter(1, caseId)
                .getSingleResult());
    }

    long count(String table, long caseId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table + " WHERE case_id = ?1")
                                .setParameter(1, caseId)
                                .getSingleResult())
                        .longValue());
    }

    static Map<String, Object> full(String slug, String category, String body) {
        Map<String, Object> f = report(slug, category, body);
        f.put("where", "Behind the sports hall");
        f.put("when", "Last Tuesday");
        f.put("contact", "Ask for me at reception");
        return f;
    }

    @Test
    void aClosedCasePastRetentionLosesItsContentAndKeepsItsStatistics() {
        long school = staff.school("en");
        QuarkusTransaction.requiringNew().run(() -> School.<School>findById(school).retentionDays = 30);
        StaffFixtures.Account handler = staff.account(school, true, Role.HANDLER);
        StaffFixtures.Account colleague = staff.account(school, true, Role.HANDLER);
        String slug = slug(school);
        String secret = "Ji-ho shared the photo in the group " + System.nanoTime();
        String receipt = send(full(slug, "intimate-image", secret));
        long old = lastCaseId();
        send(full(slug, "bullying", "Kept because it closes later"));
        long recent = lastCaseId();
        send(full(slug, "sextortion", "Kept because police investigate"));
        long held = lastCaseId();

        FormSession h = staff.signedIn(handler);
        h.get("/staff/cases/" + old);
        h.post("/staff/cases/" + old + "/messages", Map.of("message", "Thank you, we are on it"));
        h.get("/staff/cases/" + old);
        h.post("/staff/cases/" + old + "/notes", Map.of("note", "Spoke to the year head"));
        FormSession student = new FormSession();
        student.get("/report/follow-up");
        student.post("/report/follow-up/reply", Map.of("receipt", receipt, "message", "There is a second photo"));
        assertThat(count("case_message", old)).isEqualTo(2);
        assertThat(count("case_note", old)).isEqualTo(1);
        FormSession second = staff.signedIn(colleague);
        Closing.close(h, second, old);
        Closing.close(h, second, held);
        QuarkusTransaction.requiringNew().run(() -> {
            ReportCase c = ReportCase.findById(old);
            c.outcome = Outcome.RESOLVED;
            c.outcomeReasonEnc = cipher.encrypt("case.outcome_reason", "Talked to both families");
        });

        h.get("/staff/cases/" + held);
        Response hold =
                h.post("/staff/cases/" + held + "/hold", Map.of("hold_reason", "Police investigation ref 2026/118"));
        assertThat(hold.statusCode()).isEqualTo(303);
        assertThat(h.get("/staff/cases/" + held).asString())
                .contains("The case was placed on legal hold.")
                .contains("Police investigation ref 2026/118");
        assertThat(h.get("/staff/cases").asString()).contains("On legal hold");
        Object[] heldRow = raw(held);
        assertThat((Boolean) heldRow[11]).isTrue();
        assertThat((String) heldRow[12]).startsWith("v1:").doesNotContain("Police");

        clock.advance(Duration.ofDays(31));
        FormSession h2 = staff.signedIn(handler);
        Closing.close(h2, null, recent);
        Object[] before = raw(old);

        retention.run();

        Object[] purged = raw(old);
        assertThat(Arrays.asList(purged).subList(0, 5))
                .as("where, when, body, contact, outcome reason")
                .containsOnlyNulls();
        assertThat(count("case_message", old)).isZero();
        assertThat(count("case_note", old)).isZero();
        assertThat(referralText(old)).as("the referral's reference").isNull();
        assertThat(referralText(recent)).as("a referral within retention").isNotNull();
        assertThat(purged[5]).isEqualTo(Category.INTIMATE_IMAGE.name());
        assertThat(purged[6]).isEqualTo(Outcome.RESOLVED.name());
        assertThat(purged[7]).isEqualTo(CaseStatus.CLOSED.name());
        assertThat(purged[8]).isEqualTo(before[8]);
        assertThat(purged[9]).isEqualTo(before[9]);
        assertThat(purged[10]).as("purged_at").isNotNull();
        assertThat(purged[13]).isEqualTo(before[13]);
        assertThat(QuarkusTransaction.requiringNew().call(() -> CaseAudit.listByCase(old)))
                .filteredOn(a -> a.action.equals("PURGE"))
                .singleElement()
                .satisfies(a -> assertThat(a.staffId).isNull());

        Object[] kept = raw(recent);
        assertThat(kept[2]).as("within retention").isNotNull();
        assertThat(kept[10]).isNull();
        Object[] stillHeld = raw(held);
        assertThat(stillHeld[2]).as("on legal hold").isNotNull();
        assertThat(stillHeld[10]).isNull();

        String page = h2.get("/staff/cases/" + old).asString();
        assertThat(page)
                .contains("The content of this case was deleted on")
                .doesNotContain(secret)
                .doesNotContain("Spoke to the year head");
        assertThat(page).doesNotContain("action=\"/staff/cases/" + old + "/notes\"");
        assertThat(h2.post("/staff/cases/" + old + "/notes", Map.of("note", "Written after the purge"))
                        .statusCode())
                .isEqualTo(409);
        assertThat(count("case_note", old)).as("nothing new on a purged case").isZero();
        FormSession again = new FormSession();
        again.get("/report/follow-up");
        assertThat(again.post("/report/follow-up", Map.of("receipt", receipt)).asString())
                .contains("were deleted on")
                .doesNotContain("There is a second photo");
        // Security audit L9: a purged case takes no more replies through its receipt.
        Response late =
                again.post("/report/follow-up/reply", Map.of("receipt", receipt, "message", "A reply after the purge"));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(count("case_message", old))
                .as("nothing stored after the purge")
                .isZero();

        h2.get("/staff/cases/" + held);
        assertThat(h2.post("/staff/cases/" + held + "/hold/lift", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(h2.get("/staff/cases/" + held).asString()).contains("The legal hold was lifted.");
        retention.run();
        assertThat(raw(held)[2])
                .as("purged on the next run after the hold was lifted")
                .isNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> CaseAudit.listByCase(held)))
                .filteredOn(a -> a.action.startsWith("HOLD") || a.action.equals("PURGE"))
                .extracting(a -> a.action)
                .containsExactly("HOLD", "HOLD_LIFTED", "PURGE");
        assertThat(QuarkusTransaction.requiringNew().call(() -> CaseAudit.listByCase(held)))
                .allSatisfy(a -> assertThat(String.valueOf(a.detail)).doesNotContain("Police"));
        assertThat(chain.verify()).isEmpty();
    }

    @Test
    void aHoldNeedsAReasonAndKeepsWhatWasTypedWhenRefused() {
        long school = staff.school("en");
        StaffFixtures.Account handler = staff.account(school, true, Role.HANDLER);
        send(report(slug(school), "other", "Something else"));
        long caseId = lastCaseId();
        FormSession h = staff.signedIn(handler);
        h.get("/staff/cases/" + caseId);
        Response empty = h.post("/staff/cases/" + caseId + "/hold", Map.of("hold_reason", "   "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.asString()).contains("Write why the case is placed on legal hold.");
        Response tooLong = h.post("/staff/cases/" + caseId + "/hold", Map.of("hold_reason", "x".repeat(2001)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.asString()).contains("The reason is 2001 characters long; the most is 2000.");
        Response forged = h.postRaw("/staff/cases/" + caseId + "/hold", Map.of("hold_reason", "Keep this reason"));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.asString()).contains("Keep this reason");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ReportCase.<ReportCase>findById(caseId).legalHold))
                .isFalse();

        FormSession teacher = staff.signedIn(staff.account(school, true, Role.TEACHER));
        assertThat(teacher.postRaw("/staff/cases/" + caseId + "/hold", Map.of("hold_reason", "x"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ReportCase.<ReportCase>findById(caseId).legalHold))
                .isFalse();
    }

    @Test
    void theHoldReasonIsCoveredByKeyRotation() {
        List<EncryptedColumns.Column> all =
                registries.stream().flatMap(r -> r.columns().stream()).toList();
        assertThat(all)
                .contains(new EncryptedColumns.Column("report_case", "legal_hold_reason_enc", "case.hold_reason"));
    }
}
