package io.haven.casework;

import static io.haven.casework.CaseworkFlowTest.report;
import static io.haven.casework.CaseworkFlowTest.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.haven.audit.CaseAudit;
import io.haven.report.CaseMessage;
import io.haven.report.CaseStatus;
import io.haven.report.ReportCase;
import io.haven.report.ReportResource;
import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two members of staff on one case at the same moment: both changes kept (assign and status), one audit
 * row for one transition, a change made on a page someone else changed meanwhile answered 409 with what
 * changed and the text kept, and a reporter's reply racing a staff change never a 500.
 */
@QuarkusTest
class CaseConcurrencyTest {

    static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    @Inject
    StaffFixtures staff;

    @Inject
    SchoolDirectory schools;

    @Inject
    ReportResource reports;

    @AfterEach
    void reset() {
        staff.reset();
        reports.clearLimitsForTests();
    }

    String slug(long schoolId) {
        schools.refresh();
        return QuarkusTransaction.requiringNew().call(() -> School.<School>findById(schoolId).slug);
    }

    long newCase(String slug, String body) {
        reports.clearLimitsForTests();
        send(report(slug, "bullying", body));
        return CaseworkFlowTest.lastCaseId();
    }

    static ReportCase load(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ReportCase.<ReportCase>findById(id));
    }

    static long count(long id, String action) {
        return QuarkusTransaction.requiringNew().call(() -> CaseAudit.count("caseId = ?1 and action = ?2", id, action));
    }

    static String version(Response page) {
        Matcher m = VERSION.matcher(page.asString());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static <T> List<T> together(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CyclicBarrier start = new CyclicBarrier(tasks.size());
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> t : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return t.call();
                }));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void assignAndStatusAtTheSameMomentAreBothKept() throws Exception {
        long school = staff.school("en");
        StaffFixtures.Account a = staff.account(school, true, Role.HANDLER);
        StaffFixtures.Account b = staff.account(school, true, Role.HANDLER);
        FormSession one = staff.signedIn(a);
        FormSession two = staff.signedIn(b);
        String slug = slug(school);
        List<String> lost = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long id = newCase(slug, "Try " + i);
            one.get("/staff/cases/" + id);
            two.get("/staff/cases/" + id);
            List<Integer> statuses = together(List.<Callable<Integer>>of(
                    () -> one.post("/staff/cases/" + id + "/assign", Map.of("assignee", String.valueOf(b.id())))
                            .statusCode(),
                    () -> two.post("/staff/cases/" + id + "/status", Map.of("status", "in_progress"))
                            .statusCode()));
            assertThat(statuses).containsOnly(303);
            ReportCase c = load(id);
            if (c.assigneeId == null || c.assigneeId != b.id() || c.status != CaseStatus.IN_PROGRESS) {
                lost.add("try " + i + ": assignee " + c.assigneeId + ", status " + c.status);
            }
            assertThat(count(id, "ASSIGN")).isEqualTo(1);
            assertThat(count(id, "STATUS")).isEqualTo(1);
        }
        assertThat(lost).as("changes silently dropped").isEmpty();
    }

    @Test
    void twoStaffAcknowledgingAtOnceLeaveOneAuditRowAndASecondAcknowledgeChangesNothing() throws Exception {
        long school = staff.school("en");
        FormSession one = staff.signedIn(staff.account(school, true, Role.HANDLER));
        FormSession two = staff.signedIn(staff.account(school, true, Role.HANDLER));
        String slug = slug(school);
        for (int i = 0; i < 10; i++) {
            long id = newCase(slug, "Acknowledge " + i);
            Response p1 = one.get("/staff/cases/" + id);
            Response p2 = two.get("/staff/cases/" + id);
            String v1 = version(p1);
            String v2 = version(p2);
            List<Integer> statuses = together(List.<Callable<Integer>>of(
                    () -> one.post("/staff/cases/" + id + "/status", Map.of("status", "acknowledged", "version", v1))
                            .statusCode(),
                    () -> two.post("/staff/cases/" + id + "/status", Map.of("status", "acknowledged", "version", v2))
                            .statusCode()));
            assertThat(statuses).containsOnly(303);
            assertThat(load(id).status).isEqualTo(CaseStatus.ACKNOWLEDGED);
            assertThat(count(id, "STATUS")).as("audit rows of one transition").isEqualTo(1);
            ReportCase before = load(id);
            one.get("/staff/cases/" + id);
            assertThat(one.post("/staff/cases/" + id + "/status", Map.of("status", "acknowledged"))
                            .statusCode())
                    .isEqualTo(303);
            assertThat(count(id, "STATUS")).isEqualTo(1);
            assertThat(load(id).version).isEqualTo(before.version);
        }
    }

    @Test
    void aChangeOnAPageSomeoneElseChangedMeanwhileIs409WithWhatChangedAndTheTextKept() {
        long school = staff.school("en");
        FormSession one = staff.signedIn(staff.account(school, true, Role.HANDLER));
        FormSession two = staff.signedIn(staff.account(school, true, Role.HANDLER));
        long id = newCase(slug(school), "Photos shared without asking");
        String seen = version(one.get("/staff/cases/" + id));
        two.get("/staff/cases/" + id);
        assertThat(two.post("/staff/cases/" + id + "/status", Map.of("status", "in_progress"))
                        .statusCode())
                .isEqualTo(303);

        String note = "Spoke with the form tutor <b>today</b>";
        Response r = one.post("/staff/cases/" + id + "/notes", Map.of("note", note, "version", seen));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.asString())
                .contains("Someone else changed this case")
                .contains("Changed the status · New → In progress")
                .doesNotContain("IN_PROGRESS")
                .contains(">Spoke with the form tutor &lt;b&gt;today&lt;/b&gt;</textarea>")
                .doesNotContain("Exception");
        assertThat(QuarkusTransaction.requiringNew().call(() -> CaseNote.count("caseId", id)))
                .isZero();
        // Sent again from the page that now shows the change, it is saved.
        String now = version(r);
        assertThat(one.post("/staff/cases/" + id + "/notes", Map.of("note", note, "version", now))
                        .statusCode())
                .isEqualTo(303);
        assertThat(QuarkusTransaction.requiringNew().call(() -> CaseNote.count("caseId", id)))
                .isEqualTo(1);
        // Own changes are no conflict.
        String mine = version(one.get("/staff/cases/" + id));
        one.post("/staff/cases/" + id + "/status", Map.of("status", "acknowledged", "version", mine));
        assertThat(one.post("/staff/cases/" + id + "/messages", Map.of("message", "Thank you", "version", mine))
                        .statusCode())
                .isEqualTo(303);
    }

    @Test
    void aReporterReplyAtTheSameMomentAsAStaffChangeIsStoredAndBothAnswerNormally() throws Exception {
        long school = staff.school("en");
        StaffFixtures.Account a = staff.account(school, true, Role.HANDLER);
        FormSession handler = staff.signedIn(a);
        String slug = slug(school);
        reports.clearLimitsForTests();
        String receipt = send(report(slug, "bullying", "They wait for me after school"));
        long id = CaseworkFlowTest.lastCaseId();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            reports.clearLimitsForTests();
            FormSession student = new FormSession();
            student.get("/report/follow-up");
            student.post("/report/follow-up", Map.of("receipt", receipt));
            handler.get("/staff/cases/" + id);
            String status = i % 2 == 0 ? "in_progress" : "acknowledged";
            String text = "Still happening " + i;
            statuses.addAll(together(List.<Callable<Integer>>of(
                    () -> student.post("/report/follow-up/reply", Map.of("receipt", receipt, "message", text))
                            .statusCode(),
                    () -> handler.post("/staff/cases/" + id + "/status", Map.of("status", status))
                            .statusCode(),
                    () -> handler.post("/staff/cases/" + id + "/messages", Map.of("message", "Answer " + text))
                            .statusCode())));
        }
        assertThat(statuses).doesNotContain(500, 503).containsOnly(200, 303);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> CaseMessage.count("caseId = ?1 and fromReporter = true", id)))
                .isEqualTo(10);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> CaseMessage.count("caseId = ?1 and fromReporter = false", id)))
                .isEqualTo(10);
    }
}
