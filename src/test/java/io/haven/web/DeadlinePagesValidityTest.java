package io.haven.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.casework.EscalationJob;
import io.haven.casework.RetentionJob;
import io.haven.report.ReportCase;
import io.haven.report.ReportResource;
import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Nu HTML Checker finds no error in the deadline pages and the case page parts they add, in every state. */
@QuarkusTest
class DeadlinePagesValidityTest {

    static final Pattern RECEIPT = Pattern.compile("<strong>(\\d{4} \\d{4} \\d{4} \\d{4})</strong>");

    @Inject
    StaffFixtures staff;

    @Inject
    SchoolDirectory schools;

    @Inject
    ReportResource reports;

    @Inject
    EscalationJob escalation;

    @Inject
    RetentionJob retention;

    @BeforeEach
    @AfterEach
    void reset() {
        staff.reset();
        reports.clearLimitsForTests();
    }

    static void valid(Response r, String name) throws Exception {
        List<String> errors = HtmlValidityTest.errorsIn(r.asString(), name);
        assertThat(errors).as(name).isEmpty();
    }

    String report(String slug, String category, boolean danger) {
        Map<String, Object> f = new HashMap<>();
        f.put("school", slug);
        f.put("category", category);
        f.put("affected", "me");
        f.put("where", "");
        f.put("when", "");
        f.put("body", "Someone keeps posting edited pictures of me.");
        f.put("dangerNow", danger ? "yes" : "no");
        f.put("contact", "");
        f.put("website", "");
        FormSession student = new FormSession();
        student.get("/report");
        Response r = student.post("/report", f);
        Matcher m = RECEIPT.matcher(r.asString());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static long lastCaseId() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ReportCase.<ReportCase>find("order by id desc").firstResult().id);
    }

    @Test
    void deadlinePagesAndCasePagesAreValidHtml() throws Exception {
        long school = staff.school("en");
        long second = staff.school("fr");
        QuarkusTransaction.requiringNew().run(() -> School.<School>findById(school).retentionDays = 30);
        StaffFixtures.Account admin = staff.account(school, true, Role.ADMIN, Role.HANDLER);
        QuarkusTransaction.requiringNew()
                .run(() -> io.haven.staff.StaffRole.of(admin.id(), second, Role.ADMIN)
                        .persist());
        schools.refresh();
        String slug = QuarkusTransaction.requiringNew().call(() -> School.<School>findById(school).slug);
        String receipt = report(slug, "intimate-image", false);
        long purged = lastCaseId();
        report(slug, "bullying", true);
        long held = lastCaseId();

        FormSession a = staff.signedIn(admin);
        valid(a.get("/staff/admin/deadlines?school=" + school), "deadlines");
        valid(
                a.post("/staff/admin/deadlines", Map.of("school", school, "ack_bullying", "x", "interval", "0")),
                "deadlines-errors");
        valid(a.get("/staff"), "staff-home");

        io.haven.casework.Closing.close(a, staff.signedIn(staff.account(school, true, Role.HANDLER)), purged);
        a.get("/staff/cases/" + held);
        valid(a.post("/staff/cases/" + held + "/hold", Map.of("hold_reason", "")), "case-hold-error");
        a.post("/staff/cases/" + held + "/hold", Map.of("hold_reason", "Police investigation"));
        valid(a.get("/staff/cases/" + held), "case-held");
        valid(a.get("/staff/cases"), "case-list-held");

        staff.reset();
        QuarkusTransaction.requiringNew().run(() -> {
            ReportCase c = ReportCase.findById(purged);
            c.closedAt = c.closedAt.minus(Duration.ofDays(31));
        });
        escalation.run();
        retention.run();
        FormSession again = staff.signedIn(admin);
        valid(again.get("/staff/cases/" + held), "case-escalated");
        valid(again.get("/staff/cases/" + held + "/export"), "export-escalated");
        valid(again.get("/staff/cases/" + purged), "case-purged");
        valid(again.get("/staff/cases/" + purged + "/export"), "export-purged");
        FormSession student = new FormSession();
        student.get("/report/follow-up");
        Response followUp = student.post("/report/follow-up", Map.of("receipt", receipt));
        assertThat(followUp.asString()).contains("were deleted on");
        valid(followUp, "follow-up-purged");
    }
}
