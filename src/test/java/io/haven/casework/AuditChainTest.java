package io.haven.casework;

import io.haven.audit.CaseAudit;
import io.haven.audit.AuditChain;
import static org.assertj.core.api.Assertions.assertThat;

import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The audit log is a keyed hash chain: tampering with a row in the database shows on the admin page. */
@QuarkusTest
class AuditChainTest {

    @Inject
    StaffFixtures staff;

    @Inject
    SchoolDirectory schools;

    @Inject
    AuditChain chain;

    @AfterEach
    void reset() {
        staff.reset();
    }

    @Test
    void editedAndDeletedRowsAreDetectedAndTheLogExportsAsCsv() {
        long school = staff.school("en");
        StaffFixtures.Account admin = staff.account(school, true, Role.ADMIN);
        StaffFixtures.Account handler = staff.account(school, true, Role.HANDLER);
        schools.refresh();
        String slug = QuarkusTransaction.requiringNew().call(() -> School.<School>findById(school).slug);
        CaseworkFlowTest.send(CaseworkFlowTest.report(slug, "other", "Audit me"));
        long caseId = CaseworkFlowTest.lastCaseId();
        FormSession h = staff.signedIn(handler);
        h.get("/staff/cases/" + caseId);
        h.post("/staff/cases/" + caseId + "/status", Map.of("status", "in_progress"));
        h.get("/staff/cases/" + caseId);

        Response export = h.get("/staff/cases/" + caseId + "/export");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.asString()).contains("Case record #" + CaseWorkflowTest.num(caseId)).contains("Audit me");
        assertThat(QuarkusTransaction.requiringNew().call(() -> CaseAudit.listByCase(caseId)))
                .extracting(r -> r.action).contains("EXPORT");

        FormSession a = staff.signedIn(admin);
        Response ok = a.get("/staff/admin/audit?school=" + school + "&case=" + CaseWorkflowTest.num(caseId));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.asString()).contains("The audit chain is intact").contains("Changed the status").contains("Opened the case")
                .doesNotContain("<code>STATUS");

        Response csv = a.get("/staff/admin/audit/export.csv?school=" + school + "&case=" + CaseWorkflowTest.num(caseId));
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.asString()).startsWith("\uFEFFRow,Date and time,Case,Staff member,Action,Action code,Detail,Row hash\r\n")
                .contains(",Changed the status · New → ").contains(",STATUS,");

        List<CaseAudit> rows = QuarkusTransaction.requiringNew().call(() -> CaseAudit.listByCase(caseId));
        CaseAudit status = rows.stream().filter(r -> r.action.equals("STATUS")).findFirst().orElseThrow();
        setDetail(status.id, "NEW -> CLOSED");
        // A page view reads only new rows; the full check (a link on the page, and the daily job) reads them all.
        assertThat(a.get("/staff/admin/audit?school=" + school + "&full=1").asString()).contains("The audit chain is broken")
                .contains("Row " + status.id + " does not match the chain");
        setDetail(status.id, status.detail);
        assertThat(a.get("/staff/admin/audit?school=" + school + "&full=1").asString()).contains("The audit chain is intact");

        assertThat(staff.signedIn(handler).get("/staff/admin/audit?school=" + school).statusCode())
                .as("handlers do not see the log").isEqualTo(404);
    }

    @Test
    void aDeletedRowBreaksTheChainToo() {
        long school = staff.school("en");
        StaffFixtures.Account handler = staff.account(school, true, Role.HANDLER);
        schools.refresh();
        String slug = QuarkusTransaction.requiringNew().call(() -> School.<School>findById(school).slug);
        CaseworkFlowTest.send(CaseworkFlowTest.report(slug, "other", "Audit me too"));
        long caseId = CaseworkFlowTest.lastCaseId();
        FormSession h = staff.signedIn(handler);
        h.get("/staff/cases/" + caseId);
        h.get("/staff/cases/" + caseId);
        h.get("/staff/cases/" + caseId);
        List<CaseAudit> rows = QuarkusTransaction.requiringNew().call(() -> CaseAudit.listByCase(caseId));
        CaseAudit gone = rows.get(1);
        QuarkusTransaction.requiringNew().run(() -> CaseAudit.delete("id", gone.id));
        assertThat(chain.verify()).contains(rows.get(2).id);
        QuarkusTransaction.requiringNew().run(() -> CaseAudit.getEntityManager().createNativeQuery(
                "INSERT INTO case_audit (id, school_id, case_id, staff_id, action, detail, created_at, prev_hash, row_hash)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, gone.id).setParameter(2, gone.schoolId).setParameter(3, gone.caseId)
                .setParameter(4, gone.staffId).setParameter(5, gone.action).setParameter(6, gone.detail)
                .setParameter(7, gone.createdAt).setParameter(8, gone.prevHash).setParameter(9, gone.rowHash)
                .executeUpdate());
        assertThat(chain.verify()).as("restored").isEmpty();
    }

    /** Security audit M6: a forged row without a hash is a break, not a row to skip. */
    @Test
    void aForgedRowWithoutAHashBreaksTheChain() {
        long school = staff.school("en");
        StaffFixtures.Account admin = staff.account(school, true, Role.ADMIN);
        FormSession a = staff.signedIn(admin);
        assertThat(chain.verify()).isEmpty();
        long forged = QuarkusTransaction.requiringNew().call(() -> {
            CaseAudit r = new CaseAudit();
            r.schoolId = school;
            r.action = "VIEW";
            r.detail = "forged";
            r.createdAt = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            r.persist();
            return r.id;
        });
        try {
            assertThat(chain.verify()).contains(forged);
            assertThat(a.get("/staff/admin/audit?school=" + school).asString()).contains("The audit chain is broken")
                    .contains("Row " + forged);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> CaseAudit.delete("id", forged));
        }
        assertThat(chain.verify()).isEmpty();
    }

    /** Security audit M6: deleting the newest rows and rewinding the head shows, and another school sees no row id. */
    @Test
    void rewindingTheHeadIsDetectedAndAnotherSchoolSeesNoRowIds() {
        long school = staff.school("en");
        long other = staff.school("en");
        StaffFixtures.Account admin = staff.account(school, true, Role.ADMIN);
        StaffFixtures.Account otherAdmin = staff.account(other, true, Role.ADMIN);
        FormSession a = staff.signedIn(admin);
        FormSession o = staff.signedIn(otherAdmin);
        a.get("/staff/admin/audit?school=" + school);
        a.get("/staff/admin/audit?school=" + school);
        assertThat(chain.verify()).isEmpty();
        Object[] head = QuarkusTransaction.requiringNew().call(() -> (Object[]) CaseAudit.getEntityManager()
                .createNativeQuery("SELECT last_id, last_hash FROM audit_head WHERE id = 1").getSingleResult());
        CaseAudit newest = QuarkusTransaction.requiringNew().call(() -> CaseAudit.<CaseAudit>findById(((Number) head[0]).longValue()));
        // The attacker deletes the newest row and points the head at the row before it.
        QuarkusTransaction.requiringNew().run(() -> {
            CaseAudit.delete("id", newest.id);
            CaseAudit prev = CaseAudit.find("id < ?1 order by id desc", newest.id).firstResult();
            CaseAudit.getEntityManager().createNativeQuery("UPDATE audit_head SET last_id = ?1, last_hash = ?2 WHERE id = 1")
                    .setParameter(1, prev.id).setParameter(2, prev.rowHash).executeUpdate();
        });
        try {
            assertThat(chain.verify()).isPresent();
            String page = o.get("/staff/admin/audit?school=" + other + "&full=1").asString();
            assertThat(page).contains("The audit chain is broken", "outside your school").doesNotContain("Row " + newest.id);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                CaseAudit.getEntityManager().createNativeQuery(
                        "INSERT INTO case_audit (id, school_id, case_id, staff_id, action, detail, created_at, prev_hash, row_hash)"
                                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                        .setParameter(1, newest.id).setParameter(2, newest.schoolId).setParameter(3, newest.caseId)
                        .setParameter(4, newest.staffId).setParameter(5, newest.action).setParameter(6, newest.detail)
                        .setParameter(7, newest.createdAt).setParameter(8, newest.prevHash).setParameter(9, newest.rowHash)
                        .executeUpdate();
                CaseAudit.getEntityManager().createNativeQuery("UPDATE audit_head SET last_id = ?1, last_hash = ?2 WHERE id = 1")
                        .setParameter(1, head[0]).setParameter(2, head[1]).executeUpdate();
            });
        }
        assertThat(chain.verify()).isEmpty();
    }

    /** Security audit M6: the daily digest anchors the log outside the database. */
    @Inject
    AuditDigestJob digest;

    @Test
    void theDailyDigestMailsAdministratorsTheLogsFingerprint() {
        long school = staff.school("en");
        StaffFixtures.Account admin = staff.account(school, true, Role.ADMIN);
        QuarkusTransaction.requiringNew().run(() -> {
            CaseAudit r = new CaseAudit();
            r.schoolId = school;
            r.action = "SETTINGS";
            r.detail = "digest test";
            r.createdAt = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            chain.append(r);
        });
        assertThat(digest.run()).isPositive();
        String body = QuarkusTransaction.requiringNew().call(() -> io.haven.notify.OutboxMail.listTo(admin.email()).stream()
                .map(m -> m.bodyText()).filter(b -> b.contains("Fingerprint of the newest entry")).findFirst().orElseThrow());
        String head = QuarkusTransaction.requiringNew().call(() -> (String) CaseAudit.getEntityManager()
                .createNativeQuery("SELECT last_hash FROM audit_head WHERE id = 1").getSingleResult());
        assertThat(body).contains(head.substring(0, 16), "intact").doesNotContain("Audit me");
    }

    static void setDetail(long id, String detail) {
        QuarkusTransaction.requiringNew().run(() -> CaseAudit.getEntityManager()
                .createNativeQuery("UPDATE case_audit SET detail = ?1 WHERE id = ?2")
                .setParameter(1, detail).setParameter(2, id).executeUpdate());
    }
}
