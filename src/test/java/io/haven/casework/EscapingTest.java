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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Markup, a Qute expression and a spreadsheet formula typed into the public and staff free-text fields
 * come back as text on every page that shows them (never raw markup, never evaluated) and as a neutral
 * cell in every CSV export.
 */
@QuarkusTest
class EscapingTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String SCRIPT_SHOWN = "&lt;script&gt;alert(1)&lt;/script&gt;";
    static final String QUTE = "{inject:page}";
    static final String FORMULA = "=cmd|' /C calc'!A0";
    static final String FORMULA_SHOWN = "=cmd|&#39; /C calc&#39;!A0";

    @Inject
    StaffFixtures staff;

    @Inject
    SchoolDirectory schools;

    @AfterEach
    void reset() {
        staff.reset();
    }

    /** Each hostile text, tagged so that a page showing it somewhere else would be noticed. */
    private static String hostile(String tag, String payload) {
        return tag + " " + payload;
    }

    private static void assertShownAsText(String page, String what) {
        assertThat(page).as(what + ": no raw markup").doesNotContain(SCRIPT).contains(SCRIPT_SHOWN);
        assertThat(page).as(what + ": the expression is text, not evaluated").contains(QUTE);
        assertThat(page).as(what + ": the formula is text").contains(FORMULA_SHOWN);
    }

    /** No cell of the CSV starts with a formula character, quoted or not. */
    private static void assertNoFormulaCell(String csv, String what) {
        assertThat(csv).as(what + ": the formula is exported").contains("cmd|");
        assertThat(csv)
                .as(what + ": no cell starts with =")
                .doesNotContainPattern("(^|,|\\n)\"?=")
                .doesNotContainPattern("(^|,|\\n)\"?[+@-]cmd");
        assertThat(csv).as(what + ": no raw markup is lost or altered").contains(SCRIPT);
    }

    @Test
    void reportFollowUpNoteAndMessageAreTextOnEveryCasePage() {
        long school = staff.school("en");
        StaffFixtures.Account handler = staff.account(school, true, Role.HANDLER);
        StaffFixtures.Account admin = staff.account(school, true, Role.ADMIN);
        // The school's name is typed by a district administrator; it shows on public and staff pages.
        String schoolName = hostile("school", SCRIPT + " " + QUTE + " " + FORMULA);
        String slug = QuarkusTransaction.requiringNew().call(() -> {
            School s = School.findById(school);
            s.name = schoolName.substring(0, Math.min(schoolName.length(), 200));
            return s.slug;
        });
        schools.refresh();

        Map<String, Object> form =
                CaseworkFlowTest.report(slug, "bullying", hostile("body", SCRIPT + " " + QUTE + " " + FORMULA));
        form.put("where", hostile("where", SCRIPT + " " + QUTE + " " + FORMULA));
        form.put("when", hostile("when", SCRIPT + " " + QUTE + " " + FORMULA));
        String receipt = CaseworkFlowTest.send(form);
        long caseId = CaseworkFlowTest.lastCaseId();

        FormSession student = new FormSession();
        assertShownAsText(student.get("/s/" + slug + "/report").asString(), "the school's report page");

        FormSession h = staff.signedIn(handler);
        h.get("/staff/cases/" + caseId);
        assertThat(h.post(
                                "/staff/cases/" + caseId + "/notes",
                                Map.of("note", hostile("note", SCRIPT + " " + QUTE + " " + FORMULA)))
                        .statusCode())
                .isEqualTo(303);
        h.get("/staff/cases/" + caseId);
        assertThat(h.post(
                                "/staff/cases/" + caseId + "/messages",
                                Map.of("message", hostile("message", SCRIPT + " " + QUTE + " " + FORMULA)))
                        .statusCode())
                .isEqualTo(303);

        student.get("/report/follow-up");
        Response followUp = student.post("/report/follow-up", Map.of("receipt", receipt));
        assertThat(followUp.asString()).contains("message ");
        assertShownAsText(followUp.asString(), "the reporter's follow-up page");
        Response replied = student.post(
                "/report/follow-up/reply",
                Map.of("receipt", receipt, "message", hostile("reply", SCRIPT + " " + QUTE + " " + FORMULA)));
        assertThat(replied.statusCode()).isEqualTo(200);
        assertShownAsText(replied.asString(), "the follow-up page after a reply");

        String casePage = h.get("/staff/cases/" + caseId).asString();
        for (String tag : List.of("body", "where", "when", "note", "message", "reply")) {
            assertThat(casePage).as("the case page shows the " + tag).contains(tag + " " + SCRIPT_SHOWN);
        }
        assertShownAsText(casePage, "the case page");
        String record = h.get("/staff/cases/" + caseId + "/export").asString();
        assertThat(record).contains("body " + SCRIPT_SHOWN);
        assertShownAsText(record, "the print-ready case record");
        assertThat(h.get("/staff/cases").asString()).as("the case list").doesNotContain(SCRIPT);

        FormSession a = staff.signedIn(admin);
        assertShownAsText(a.get("/staff/admin/settings?school=" + school).asString(), "the school settings form");
        assertThat(a.get("/staff/admin/audit?school=" + school).asString()).doesNotContain(SCRIPT);
        assertThat(a.get("/staff/admin/audit/export.csv?school=" + school).asString())
                .doesNotContainPattern("(^|,|\\n)\"?=");
    }

    @Test
    void classNameAndNicknamesAreTextOnTheClassPagesAndNeutralInItsCsv() {
        long school = staff.school("en");
        StaffFixtures.Account teacher = staff.account(school, false, Role.TEACHER);
        FormSession t = staff.signedIn(teacher);
        t.get("/staff/classes/new");
        Map<String, Object> form = new HashMap<>();
        form.put("name", FORMULA + " " + SCRIPT + " " + QUTE);
        form.put("school", Long.toString(school));
        form.put("band", "11-13");
        form.put("language", "en");
        form.put("expiresOn", "");
        form.put("seatCap", "");
        Response created = t.post("/staff/classes", form);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(303);
        String location = created.header("Location");
        long classId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String code = QuarkusTransaction.requiringNew()
                .call(() -> io.haven.classroom.Classroom.<io.haven.classroom.Classroom>findById(classId).joinCode);

        for (String nickname : List.of(SCRIPT, QUTE, FORMULA)) {
            FormSession student = new FormSession();
            student.get("/join");
            Response joined = student.post("/join", Map.of("code", code, "nickname", nickname));
            assertThat(joined.statusCode()).as("join as " + nickname).isIn(200, 303);
        }
        String classPage = t.get("/staff/classes/" + classId).asString();
        assertShownAsText(classPage, "the class page (name and nicknames)");
        assertShownAsText(t.get("/staff/classes").asString(), "the class list");
        String csv = t.get("/staff/classes/" + classId + "/export.csv").asString();
        assertNoFormulaCell(csv, "the class CSV");
        assertThat(csv).contains(QUTE);
    }
}
