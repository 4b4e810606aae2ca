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
        assertThat(home).contains("class=\"staff-nav\"").contains("href=\"/staff/cases\"")
                .doesNotContain("class=\"main-nav\"").doesNotContain("href=\"/lessons\"")
                .doesNotContain("data-quick-exit").doesNotContain("/staff/admin/settings");
        // sign-out is a button that looks like a link, in the header
        assertThat(home).containsPattern("(?s)action=\"/staff/logout\"[^>]*>.{0,300}class=\"button-link\"");
        // the dashboard: counts with links to filtered lists
        assertThat(home).contains("href=\"/staff/cases?danger=yes\"><strong>1</strong>")
                .contains("href=\"/staff/cases?status=new\"><strong>2</strong>")
                .contains("href=\"/staff/cases?overdue=yes\"><strong>0</strong>");
        assertThat(home).contains("Next deadlines").contains("href=\"/staff/cases/" + danger + "\"");
        // the handler is not an administrator: no warning about the portal's address
        assertThat(home).doesNotContain("base-url-warning");

        String dangerList = b.get("/staff/cases?danger=yes").asString();
        assertThat(dangerList).contains("href=\"/staff/cases/" + danger + "\"")
                .doesNotContain("href=\"/staff/cases/" + calm + "\"");

        // assigned to me
        String page = b.get("/staff/cases/" + calm).asString();
        String version = version(page);
        b.post("/staff/cases/" + calm + "/assign", Map.of("assignee", handler.id(), "version", version));
        home = b.get("/staff").asString();
        assertThat(home.substring(home.indexOf("id=\"dash-mine\""), home.indexOf("id=\"dash-deadlines\"")))
                .contains("href=\"/staff/cases/" + calm + "\"").doesNotContain("href=\"/staff/cases/" + danger + "\"");
    }

    @Test
    void administratorsAreWarnedWhileTheBaseUrlIsTheDefault() {
        long school = staff.school("en");
        FormSession admin = staff.signedIn(staff.account(school, true, Role.ADMIN));
        String home = admin.get("/staff").asString();
        assertThat(home).contains("base-url-warning").contains("http://localhost:8080")
                .contains("href=\"/staff/admin/settings\"");
    }

    static String version(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static ReportCase reload(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ReportCase.<ReportCase>findById(id));
    }

    static Response unused() {
        return null;
    }
}
