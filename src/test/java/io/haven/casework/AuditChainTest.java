package io.haven.casework;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.audit.AuditChain;
import io.haven.audit.CaseAudit;
import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
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
        assertThat(export.asString())
                .contains("Case record #" + CaseWorkflowTest.num(caseId))
                .contains("Audit me");
        assertThat(QuarkusTransaction.requiringNew().call(() -> CaseAudit.listByCase(caseId)))
                .extracting(r -> r.action)
                .contains("EXPORT");

        FormSession a = staff.signedIn(admin);
        Response ok = a.get("/staff/admin/audit?school=" + school + "&case=" + CaseWorkflowTest.num(caseId));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.asString())
                .contains("The audit chain is intact")
                .contains("Changed the status")
                .contains("Opened the case")
                .doesNotContain("<code>STATUS");

        Response csv =
                a.get("/staff/admin/audit/export.csv?school=" + school + "&case=" + CaseWorkflowTest.num(caseId));
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.asString())
                .startsWith("\uFEFFRow,Date and time,Case,Staff member,Action,Action code,Detail,Row hash\r\n")
                .contains(",Changed the status · New → ")
                .contains(",STATUS,");

        List<CaseAudit> rows = QuarkusTransaction.requiringNew().call(() -> CaseAudit.listByCase(caseId));
        CaseAudit status =
                rows.stream().filter(r -> r.action.equals("STATUS")).findFirst().orElseThrow();
        setDetail(status.id, "NEW -> CLOSED");
        // A page view reads only the school's rows appended since its last check: the edited row was already
        // checked, so only the full check (a button on the page, the daily job, the command) finds it.
        assertThat(a.get("/staff/admin/audit?school=" + school).asString()).contains("The audit chain is intact");
        assertThat(a.post("/staff/admin/audit/check", Map.of("school", school)).statusCode())
                .isEqualTo(303);
        assertThat(a.get("/staff/admin/audit?school=" + school).asString())
                .contains("The audit chain is broken")
                .contains("Row " + status.id + " does not match the chain");
        setDetail(status.id, status.detail);
        a.post("/staff/admin/audit/check", Map.of("school", school));
        assertThat(a.get("/staff/admin/audit?school=" + school).asString()).contains("The audit chain is intact");
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> CaseAudit.<CaseAudit>list(
                                "schoolId = ?1 and action = ?2" + " order by id", school, "AUDIT_CHECK"))
                        .stream()
                        .map(r -> r.detail + " by " + r.staffId))
                .as("each full check is in the log")
                .containsExactly("broken at row " + status.id + " by " + admin.id(), "intact by " + admin.id());

        assertThat(staff.signedIn(handler)
                        .get("/staff/admin/audit?school=" + school)
                        .statusCode())
                .as("handlers do not see the log")
                .isEqualTo(404);
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
        QuarkusTransaction.requiringNew()
                .run(() -> CaseAudit.getEntityManager()
                        .createNativeQuery(
                                "INSERT INTO case_audit (id, school_id, case_id, staff_id, action, detail, created_at, prev_hash, row_hash)"
                                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                        .setParameter(1, gone.id)
                        .setParameter(2, gone.schoolId)
                        .setParameter(3, gone.caseId)
                        .setParameter(4, gone.staffId)
                        .setParameter(5, gone.action)
                        .setParameter(6, gone.detail)
                        .setParameter(7, gone.createdAt)
                        .setParameter(8, gone.prevHash)
                        .setParameter(9, gone.rowHash)
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
            assertThat(a.get("/staff/admin/audit?school=" + school).asString())
                    .contains("The audit chain is broken")
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
                .createNativeQuery("SELECT last_id, last_hash FROM audit_head WHERE id = 1")
                .getSingleResult());
        CaseAudit newest = QuarkusTransaction.requiringNew()
                .call(() -> CaseAudit.<CaseAudit>findById(((Number) head[0]).longValue()));
        // The attacker deletes the newest row and points the head at the row before it.
        QuarkusTransaction.requiringNew().run(() -> {
            CaseAudit.delete("id", newest.id);
            CaseAudit prev =
                    CaseAudit.find("id < ?1 order by id desc", newest.id).firstResult();
            CaseAudit.getEntityManager()
                    .createNativeQuery("UPDATE audit_head SET last_id = ?1, last_hash = ?2 WHERE id = 1")
                    .setParameter(1, prev.id)
                    .setParameter(2, prev.rowHash)
                    .executeUpdate();
        });
        try {
            assertThat(chain.verify()).isPresent();
            String page = o.get("/staff/admin/audit?school=" + other).asString();
            assertThat(page)
                    .contains("The audit chain is broken", "outside your school")
                    .doesNotContain("Row " + newest.id);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                CaseAudit.getEntityManager()
                        .createNativeQuery(
                                "INSERT INTO case_audit (id, school_id, case_id, staff_id, action, detail, created_at, prev_hash, row_hash)"
                                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                        .setParameter(1, newest.id)
                        .setParameter(2, newest.schoolId)
                        .setParameter(3, newest.caseId)
                        .setParameter(4, newest.staffId)
                        .setParameter(5, newest.action)
                        .setParameter(6, newest.detail)
                        .setParameter(7, newest.createdAt)
                        .setParameter(8, newest.prevHash)
                        .setParameter(9, newest.rowHash)
                        .executeUpdate();
                CaseAudit.getEntityManager()
                        .createNativeQuery("UPDATE audit_head SET last_id = ?1, last_hash = ?2 WHERE id = 1")
                        .setParameter(1, head[0])
                        .setParameter(2, head[1])
                        .executeUpdate();
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
        String body = QuarkusTransaction.requiringNew()
                .call(() -> io.haven.notify.OutboxMail.listTo(admin.email()).stream()
                        .map(m -> m.bodyText())
                        .filter(b -> b.contains("Fingerprint of the newest entry"))
                        .findFirst()
                        .orElseThrow());
        String head = QuarkusTransaction.requiringNew().call(() -> (String) CaseAudit.getEntityManager()
                .createNativeQuery("SELECT last_hash FROM audit_head WHERE id = 1")
                .getSingleResult());
        assertThat(body).contains(head.substring(0, 16), "intact").doesNotContain("Audit me");
    }

    /**
     * Each school verifies its own rows: a break in one school's rows is that school's to see (with the row's
     * id) and never shows, nor its id, on another school's page; the other school's page stays intact.
     */
    @Test
    void aBreakInOneSchoolsRowsShowsOnlyToThatSchool() {
        long school = staff.school("en");
        long other = staff.school("en");
        StaffFixtures.Account admin = staff.account(school, true, Role.ADMIN);
        StaffFixtures.Account otherAdmin = staff.account(other, true, Role.ADMIN);
        FormSession a = staff.signedIn(admin);
        FormSession o = staff.signedIn(otherAdmin);
        long row = QuarkusTransaction.requiringNew().call(() -> {
            CaseAudit r = new CaseAudit();
            r.schoolId = other;
            r.action = "SETTINGS";
            r.detail = "before";
            r.createdAt = java.time.Instant.now();
            chain.append(r);
            return r.id;
        });
        // Another row after it, so that the edited row is not the newest one the head names.
        a.get("/staff/admin/audit?school=" + school);
        setDetail(row, "after");
        try {
            String mine = a.get("/staff/admin/audit?school=" + school).asString();
            assertThat(mine).contains("The audit chain is intact").doesNotContain("Row " + row);
            a.post("/staff/admin/audit/check", Map.of("school", school));
            assertThat(a.get("/staff/admin/audit?school=" + school).asString())
                    .contains("The audit chain is intact")
                    .doesNotContain("Row " + row);
            assertThat(o.get("/staff/admin/audit?school=" + other).asString())
                    .contains("The audit chain is broken")
                    .contains("Row " + row + " does not match the chain");
        } finally {
            setDetail(row, "before");
        }
        assertThat(o.get("/staff/admin/audit?school=" + other).asString()).contains("The audit chain is intact");
    }

    @TestHTTPResource(value = "/audit/verify", management = true)
    java.net.URL command;

    /** The operators' command: a full check of every school's rows from the management port. */
    @Test
    void theManagementCommandChecksTheWholeLog() {
        long school = staff.school("en");
        String url = command.getProtocol() + "://" + command.getHost() + ":" + command.getPort() + "/audit/verify";
        Response ok = io.restassured.RestAssured.given().post(url);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.asString()).isEqualTo("intact\n");
        long row = QuarkusTransaction.requiringNew().call(() -> {
            CaseAudit r = new CaseAudit();
            r.schoolId = school;
            r.action = "SETTINGS";
            r.detail = "command";
            r.createdAt = java.time.Instant.now();
            chain.append(r);
            CaseAudit next = new CaseAudit();
            next.schoolId = school;
            next.action = "SETTINGS";
            next.detail = "next";
            next.createdAt = java.time.Instant.now();
            chain.append(next);
            return r.id;
        });
        setDetail(row, "edited");
        try {
            Response broken = io.restassured.RestAssured.given().post(url);
            assertThat(broken.statusCode()).isEqualTo(409);
            assertThat(broken.asString()).contains("broken at row " + row);
        } finally {
            setDetail(row, "command");
        }
    }

    static void setDetail(long id, String detail) {
        QuarkusTransaction.requiringNew()
                .run(() -> CaseAudit.getEntityManager()
                        .createNativeQuery("UPDATE case_audit SET detail = ?1 WHERE id = ?2")
                        .setParameter(1, detail)
                        .setParameter(2, id)
                        .executeUpdate());
    }
}
