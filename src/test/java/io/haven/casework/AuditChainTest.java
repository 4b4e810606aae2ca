package io.haven.casework;

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
        assertThat(export.asString()).contains("Case record #" + caseId).contains("Audit me");
        assertThat(QuarkusTransaction.requiringNew().call(() -> CaseAudit.listByCase(caseId)))
                .extracting(r -> r.action).contains("EXPORT");

        FormSession a = staff.signedIn(admin);
        Response ok = a.get("/staff/admin/audit?school=" + school + "&case=" + caseId);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.asString()).contains("The audit chain is intact").contains("STATUS").contains("VIEW");

        Response csv = a.get("/staff/admin/audit/export.csv?school=" + school + "&case=" + caseId);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.asString()).startsWith("id,created_at,case_id,staff,action,detail,row_hash").contains("\"STATUS\"");

        List<CaseAudit> rows = QuarkusTransaction.requiringNew().call(() -> CaseAudit.listByCase(caseId));
        CaseAudit status = rows.stream().filter(r -> r.action.equals("STATUS")).findFirst().orElseThrow();
        setDetail(status.id, "NEW -> CLOSED");
        assertThat(a.get("/staff/admin/audit?school=" + school).asString()).contains("The audit chain is broken")
                .contains("Row " + status.id + " does not match the chain");
        setDetail(status.id, status.detail);
        assertThat(a.get("/staff/admin/audit?school=" + school).asString()).contains("The audit chain is intact");

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

    static void setDetail(long id, String detail) {
        QuarkusTransaction.requiringNew().run(() -> CaseAudit.getEntityManager()
                .createNativeQuery("UPDATE case_audit SET detail = ?1 WHERE id = ?2")
                .setParameter(1, detail).setParameter(2, id).executeUpdate());
    }
}
