package io.haven.casework;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.report.ReportCase;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 14, staff side: the staff layout and dashboard, the case page, closing with a message. */
@QuarkusTest
class StaffWorkspaceTest {

    @Inject
    StaffFixtures staff;

    @Inject
    io.haven.school.SchoolDirectory schools;

    @AfterEach
    void reset() {
        staff.reset();
    }

    String slug(long schoolId) {
        schools.refresh();
        return QuarkusTransaction.requiringNew()
                .call(() -> io.haven.school.School.<io.haven.school.School>findById(schoolId).slug);
    }

    long report(long school, String danger, String body) {
        Map<String, Object> f = CaseworkFlowTest.report(slug(school), "bullying", body);
        f.put("dangerNow", danger);
        CaseworkFlowTest.send(f);
        return CaseworkFlowTest.lastCaseId();
    }

    @Test
    void staffPagesHaveTheStaffNavigationAndHomeIsADashboard() {
        long school = staff.school("en");
        long danger = report(school, "yes", "Someone is threatening to post a picture tonight.");
        long calm = report(school, "no", "Mean comments in the class chat.");
        StaffFixtures.Account handler = staff.account(school, true, Role.HANDLER);
        FormSession b = staff.signedIn(handler);

        String home = b.get("/staff").asString();
        // the staff layout: staff sections, no student navigation, no age bands, no quick exit
        assertThat(home)
                .contains("class=\"staff-nav\"")
                .contains("href=\"/staff/cases\"")
                .doesNotContain("class=\"main-nav\"")
                .doesNotContain("href=\"/lessons\"")
                .doesNotContain("data-quick-exit")
                .doesNotContain("/staff/admin/settings");
        // sign-out is a button that looks like a link, in the header
        assertThat(home).containsPattern("(?s)action=\"/staff/logout\"[^>]*>.{0,300}class=\"button-link\"");
        // the dashboard: counts with links to filtered lists
        assertThat(home)
                .contains("href=\"/staff/cases?danger=yes\"><strong>1</strong>")
                .contains("href=\"/staff/cases?status=new\"><strong>2</strong>")
                .contains("href=\"/staff/cases?overdue=yes\"><strong>0</strong>");
        assertThat(home).contains("Next deadlines").contains("href=\"/staff/cases/" + danger + "\"");
        // the handler is not an administrator: no warning about the portal's address
        assertThat(home).doesNotContain("base-url-warning");

        String dangerList = b.get("/staff/cases?danger=yes").asString();
        assertThat(dangerList).contains("<td>Bullying</td>").doesNotContain("<td>Bullying or harassment</td>");
        assertThat(dangerList)
                .contains("href=\"/staff/cases/" + danger + "\"")
                .doesNotContain("href=\"/staff/cases/" + calm + "\"");

        // assigned to me
        String page = b.get("/staff/cases/" + calm).asString();
        String version = version(page);
        b.post("/staff/cases/" + calm + "/assign", Map.of("assignee", handler.id(), "version", version));
        home = b.get("/staff").asString();
        assertThat(home.substring(home.indexOf("id=\"dash-mine\""), home.indexOf("id=\"dash-deadlines\"")))
                .contains("href=\"/staff/cases/" + calm + "\"")
                .doesNotContain("href=\"/staff/cases/" + danger + "\"");
    }

    @Test
    void administratorsAreWarnedWhileTheBaseUrlIsTheDefault() {
        long school = staff.school("en");
        FormSession admin = staff.signedIn(staff.account(school, true, Role.ADMIN));
        String home = admin.get("/staff").asString();
        assertThat(home)
                .contains("base-url-warning")
                .contains("http://localhost:8080")
                .contains("href=\"/staff/admin/settings\"");

        // a teacher's navigation: classes, no cases, no warning
        FormSession teacher = staff.signedIn(staff.account(school, false, Role.TEACHER));
        String classes = teacher.get("/staff/classes").asString();
        String nav = classes.substring(
                classes.indexOf("class=\"staff-nav\""),
                classes.indexOf("</nav>", classes.indexOf("class=\"staff-nav\"")));
        assertThat(nav)
                .contains("href=\"/staff/classes\" aria-current=\"page\"")
                .doesNotContain("/staff/cases")
                .doesNotContain("/staff/admin/");
        assertThat(teacher.get("/staff").asString())
                .doesNotContain("base-url-warning")
                .doesNotContain("dash-attention");
    }

    @Test
    void casePageHasASummaryOneClickAcknowledgeAndSpeaksNoCodes() {
        long school = staff.school("en");
        long id = report(school, "yes", "They said they will share the picture tonight.");
        StaffFixtures.Account handler = staff.account(school, true, Role.HANDLER);
        FormSession b = staff.signedIn(handler);

        String page = b.get("/staff/cases/" + id).asString();
        String summary = page.substring(page.indexOf("id=\"summary\""), page.indexOf("class=\"case-sections\""));
        assertThat(summary)
                .contains("case-summary danger")
                .contains("Danger now: the reporter said")
                .contains("New")
                .contains("Acknowledge by")
                .contains("Nobody yet")
                .doesNotContain("English")
                .contains("action=\"/staff/cases/" + id + "/acknowledge\"");
        // the reporter's messages come before the handling forms; two columns hold them
        assertThat(page.indexOf("id=\"conversation\"")).isLessThan(page.indexOf("id=\"handling\""));
        assertThat(page).contains("class=\"case-columns\"");

        Response ack = b.post("/staff/cases/" + id + "/acknowledge", Map.of("version", version(page)));
        assertThat(ack.statusCode()).isEqualTo(303);
        assertThat(ack.header("Location")).endsWith("/staff/cases/" + id + "#summary");
        assertThat(reload(id).status).isEqualTo(io.haven.report.CaseStatus.ACKNOWLEDGED);

        page = b.get("/staff/cases/" + id).asString();
        // the flash shows once, in the summary it is about
        assertThat(page.split("class=\"flash\"", -1)).hasSize(2);
        assertThat(page.indexOf("class=\"flash\""))
                .isGreaterThan(page.indexOf("id=\"summary\""))
                .isLessThan(page.indexOf("class=\"case-sections\""));
        assertThat(page).contains("The case is acknowledged.");
        assertThat(page).doesNotContain("action=\"/staff/cases/" + id + "/acknowledge\"");

        // a message returns to the conversation
        Response sent =
                b.post("/staff/cases/" + id + "/messages", Map.of("message", "We read it.", "version", version(page)));
        assertThat(sent.header("Location")).endsWith("/staff/cases/" + id + "#conversation");

        // no raw audit codes, in English or Korean
        String audit = page.substring(page.indexOf("id=\"audit\""));
        assertThat(audit)
                .doesNotContain("VIEW")
                .doesNotContain("STATUS")
                .doesNotContain("NEW")
                .doesNotContain("<code>")
                .contains("Opened the case")
                .contains("Changed the status · New → Acknowledged");
        String ko = b.get("/staff/cases/" + id + "?lang=ko").asString();
        assertThat(ko.substring(ko.indexOf("id=\"audit\""))).contains("사례 열람").doesNotContain("STATUS");

        // primary, secondary and destructive buttons differ
        assertThat(page)
                .contains("class=\"button-secondary\">Change status")
                .containsPattern("class=\"button-danger\">[^<]*[Cc]lose");
    }

    @Test
    void auditLogPageSpeaksTheReadersLanguage() {
        long school = staff.school("en");
        long id = report(school, "no", "Someone made an account with my photos.");
        FormSession admin = staff.signedIn(staff.account(school, true, Role.ADMIN, Role.HANDLER));
        String page = admin.get("/staff/cases/" + id).asString();
        admin.post("/staff/cases/" + id + "/status", Map.of("status", "in_progress", "version", version(page)));
        String log =
                admin.get("/staff/admin/audit?school=" + school + "&lang=fr").asString();
        assertThat(log)
                .contains("A ouvert le dossier")
                .contains("A changé le statut")
                .doesNotContain("<code>")
                .doesNotContain(">VIEW")
                .doesNotContain("IN_PROGRESS");
    }

    @Test
    void closingWritesToTheReporterWhoCanReplyUntilTheWindowEnds() {
        long school = staff.school("en");
        Map<String, Object> f = CaseworkFlowTest.report(slug(school), "bullying", "Group chat keeps posting about me.");
        String receipt = CaseworkFlowTest.send(f);
        long id = CaseworkFlowTest.lastCaseId();
        FormSession b = staff.signedIn(staff.account(school, true, Role.HANDLER));

        String page = b.get("/staff/cases/" + id).asString();
        // prefilled, editable message, with the configured window (30 days by default)
        assertThat(page).contains("name=\"message\" rows=\"6\"").contains("for 30 days with your receipt");
        // emptied: refused, nothing closed
        Response empty = b.post("/staff/cases/" + id + "/close", Map.of("outcome", "resolved", "message", " "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.asString()).contains("Write a message to the reporter.");
        assertThat(reload(id).status).isNotEqualTo(io.haven.report.CaseStatus.CLOSED);

        String goodbye = "We spoke to the class and the posts are gone " + System.nanoTime();
        Response closed = b.post("/staff/cases/" + id + "/close", Map.of("outcome", "resolved", "message", goodbye));
        assertThat(closed.statusCode()).isEqualTo(303);
        assertThat(closed.header("Location")).endsWith("#closing");
        assertThat(reload(id).status).isEqualTo(io.haven.report.CaseStatus.CLOSED);

        FormSession student = new FormSession();
        student.get("/report/follow-up");
        String seen =
                student.post("/report/follow-up", Map.of("receipt", receipt)).asString();
        assertThat(seen)
                .contains(goodbye)
                .contains("You can write to staff until")
                .contains("name=\"message\"");
        String thanks = "Thank you " + System.nanoTime();
        Response inside = student.post("/report/follow-up/reply", Map.of("receipt", receipt, "message", thanks));
        assertThat(inside.statusCode()).isEqualTo(200);
        assertThat(inside.asString()).contains(thanks);
        long messages = messages(id);

        // 31 days after closing: read-only, the reply refused and kept on the page
        QuarkusTransaction.requiringNew().run(() -> {
            ReportCase c = ReportCase.findById(id);
            c.closedAt = c.closedAt.minus(java.time.Duration.ofDays(31));
        });
        String late = "One more thing " + System.nanoTime();
        Response after = student.post("/report/follow-up/reply", Map.of("receipt", receipt, "message", late));
        assertThat(after.statusCode()).isEqualTo(409);
        assertThat(after.asString())
                .contains("can no longer be answered")
                .contains(late)
                .doesNotContain("action=\"/report/follow-up/reply");
        assertThat(messages(id)).isEqualTo(messages);
        assertThat(student.post("/report/follow-up", Map.of("receipt", receipt)).asString())
                .contains("can no longer be answered")
                .contains(goodbye);
    }

    static long messages(long caseId) {
        return QuarkusTransaction.requiringNew().call(() -> io.haven.report.CaseMessage.count("caseId", caseId));
    }

    static String version(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"")
                .matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static ReportCase reload(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ReportCase.<ReportCase>findById(id));
    }
}
