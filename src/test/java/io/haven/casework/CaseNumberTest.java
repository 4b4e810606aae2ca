package io.haven.casework;

import static io.haven.casework.CaseworkFlowTest.lastCaseId;
import static io.haven.casework.CaseworkFlowTest.report;
import static io.haven.casework.CaseworkFlowTest.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haven.report.CaseMessage;
import io.haven.report.ReportCase;
import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a report keeps about its sender and its school's volume: a number counted per school on every
 * staff screen (the table's id counts all schools of the instance), times to the minute, no language.
 */
@QuarkusTest
class CaseNumberTest {

    @Inject
    StaffFixtures staff;

    @Inject
    SchoolDirectory schools;

    @AfterEach
    void reset() {
        staff.reset();
    }

    String slug(long schoolId) {
        schools.refresh();
        return QuarkusTransaction.requiringNew().call(() -> School.<School>findById(schoolId).slug);
    }

    @Test
    void casesAreNumberedPerSchoolAndStaffSeeOnlyTheNumber() {
        long a = staff.school("en");
        long b = staff.school("en");
        send(report(slug(a), "bullying", "The first report of school A"));
        long a1 = lastCaseId();
        String receipt = send(report(slug(b), "bullying", "The first report of school B"));
        long b1 = lastCaseId();
        send(report(slug(b), "other", "The second report of school B"));
        long b2 = lastCaseId();
        send(report(slug(a), "other", "The second report of school A"));
        long a2 = lastCaseId();

        assertThat(java.util.List.of(a1, a2, b1, b2).stream().map(CaseWorkflowTest::num))
                .containsExactly(1, 2, 1, 2);

        FormSession h = staff.signedIn(staff.account(b, true, Role.HANDLER, Role.ADMIN));
        String list = h.get("/staff/cases").asString();
        assertThat(list).contains(">#1<").contains(">#2<").doesNotContain(">#" + b2 + "<");
        String page = h.get("/staff/cases/" + b2).asString();
        assertThat(page).contains("Report #2").doesNotContain("Report #" + b2);
        assertThat(h.get("/staff/cases/" + b2 + "/export").asString()).contains("Case record #2");
        assertThat(h.get("/staff/admin/audit?school=" + b + "&case=2").asString())
                .contains(">#2<");

        // Staff type the number they see: "#1" at school B is B's first case, never school A's.
        CaseWorkflowTest.post(h, b2, "/links", Map.of("link", "#1"));
        assertThat(CaseWorkflowTest.load(b2).incidentId).isEqualTo(b1);
        assertThat(CaseWorkflowTest.load(a1).incidentId).isNull();

        // To the minute, for the report and for the reporter's reply.
        FormSession reporter = new FormSession();
        reporter.get("/report/follow-up");
        reporter.post("/report/follow-up", Map.of("receipt", receipt));
        assertThat(reporter.post("/report/follow-up/reply", Map.of("receipt", receipt, "message", "One more thing"))
                        .statusCode())
                .isLessThan(400);
        ReportCase first = CaseWorkflowTest.load(b1);
        assertThat(first.createdAt).isEqualTo(first.createdAt.truncatedTo(ChronoUnit.MINUTES));
        assertThat(QuarkusTransaction.requiringNew().call(() -> CaseMessage.listByCase(b1)))
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.createdAt).isEqualTo(m.createdAt.truncatedTo(ChronoUnit.MINUTES)));

        // The reporter's language is not kept at all.
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                        .call(() -> ReportCase.getEntityManager()
                                .createNativeQuery("SELECT language FROM report_case")
                                .getResultList()))
                .isNotNull();
    }
}
