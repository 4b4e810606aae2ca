package io.haven.casework;

import static io.haven.casework.CaseworkFlowTest.lastCaseId;
import static io.haven.casework.CaseworkFlowTest.report;
import static io.haven.casework.CaseworkFlowTest.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.haven.audit.CaseAudit;
import io.haven.report.Category;
import io.haven.report.ReportCase;
import io.haven.report.ReportResource;
import io.haven.report.SchoolDeadline;
import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An administrator sets the school's deadlines, reminder interval and retention; new reports follow them. */
@QuarkusTest
class DeadlinesAdminTest {

    @Inject
    StaffFixtures staff;

    @Inject
    SchoolDirectory schools;

    @Inject
    ReportResource reports;

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

    /** The form as the page fills it in with the defaults. */
    static Map<String, Object> defaults(long school) {
        Map<String, Object> f = new HashMap<>();
        f.put("school", school);
        for (Category c : Category.values()) {
            f.put("ack_" + c.getKey(), c.acknowledgeWithin.toHours());
            f.put("review_" + c.getKey(), c.reviewWithin.toHours());
        }
        f.put("interval", 4);
        f.put("retention", 365);
        return f;
    }

    static Map<String, Object> with(long school, String field, Object value) {
        Map<String, Object> f = defaults(school);
        f.put(field, value);
        return f;
    }

    static Duration between(long caseId, boolean review) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ReportCase c = ReportCase.findById(caseId);
            return Duration.between(c.createdAt, review ? c.reviewBy : c.acknowledgeBy);
        });
    }

    @Test
    void theAdministratorSavesDeadlinesAndNewReportsFollowThem() {
        long school = staff.school("en");
        StaffFixtures.Account admin = staff.account(school, true, Role.ADMIN);
        FormSession a = staff.signedIn(admin);
        assertThat(a.get("/staff").asString()).contains("/staff/admin/deadlines?school=" + school);
        Response page = a.get("/staff/admin/deadlines?school=" + school);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString())
                .contains("Deadlines and retention")
                .contains("name=\"ack_bullying\" value=\"48\"")
                .contains("name=\"retention\" value=\"365\"");

        Map<String, Object> f = defaults(school);
        f.put("ack_bullying", " 5 ");
        f.put("review_bullying", "10");
        f.put("ack_other", "1");
        f.put("interval", "2");
        f.put("retention", "400");
        Response saved = a.post("/staff/admin/deadlines", f);
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(a.get("/staff/admin/deadlines?school=" + school).asString())
                .contains("The deadlines and retention were saved.")
                .contains("name=\"ack_bullying\" value=\"5\"")
                .contains("name=\"interval\" value=\"2\"");
        School s = QuarkusTransaction.requiringNew().call(() -> School.<School>findById(school));
        assertThat(s.escalationIntervalMinutes).isEqualTo(120);
        assertThat(s.retentionDays).isEqualTo(400);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> SchoolDeadline.<SchoolDeadline>list("schoolId", school)))
                .as("rows only where the school differs from the defaults")
                .extracting(d -> d.category)
                .containsExactlyInAnyOrder(Category.BULLYING, Category.OTHER);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> CaseAudit.<CaseAudit>list("schoolId = ?1 and action = ?2", school, "DEADLINES")))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.caseId).isNull();
                    assertThat(r.staffId).isEqualTo(admin.id());
                });

        String slug = slug(school);
        send(report(slug, "bullying", "Name-calling"));
        long bullying = lastCaseId();
        assertThat(between(bullying, false)).isEqualTo(Duration.ofHours(5));
        assertThat(between(bullying, true)).isEqualTo(Duration.ofHours(10));
        Map<String, Object> danger = report(slug, "other", "Someone is waiting outside");
        danger.put("dangerNow", "yes");
        send(danger);
        assertThat(between(lastCaseId(), false))
                .as("danger now: the shorter of 2 hours and the school's time")
                .isEqualTo(Duration.ofHours(1));
        Map<String, Object> dangerBullying = report(slug, "bullying", "They are hitting him now");
        dangerBullying.put("dangerNow", "yes");
        send(dangerBullying);
        assertThat(between(lastCaseId(), false)).isEqualTo(Duration.ofHours(2));
        send(report(slug, "sextortion", "Money or the picture goes out"));
        assertThat(between(lastCaseId(), false))
                .as("no row: the category default")
                .isEqualTo(Duration.ofHours(24));
        assertThat(between(lastCaseId(), true)).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void eachFieldIsCheckedAndTheFormComesBackFilledIn() {
        long school = staff.school("en");
        FormSession a = staff.signedIn(staff.account(school, true, Role.ADMIN));
        a.get("/staff/admin/deadlines?school=" + school);
        Map<String, String> bad = Map.of(
                "ack_bullying", "abc",
                "ack_other", "169",
                "ack_sextortion", "0",
                "review_intimate_image", "12",
                "review_adult_concern", "2161",
                "interval", "73",
                "retention", "29");
        Map<String, String> expected = Map.of(
                "ack_bullying", "Bullying or harassment: enter a whole number of hours from 1 to 168",
                "ack_other", "enter a whole number of hours from 1 to 168",
                "ack_sextortion", "enter a whole number of hours from 1 to 168",
                "review_intimate_image",
                        "A fake or real intimate picture or video of someone: enter a whole number of hours to review within",
                "review_adult_concern", "enter a whole number of hours to review within",
                "interval", "Enter a whole number of hours from 1 to 72 for the reminder interval.",
                "retention", "Enter a whole number of days from 30 to 3650 for retention.");
        for (var e : bad.entrySet()) {
            Response r = a.post("/staff/admin/deadlines", with(school, e.getKey(), e.getValue()));
            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(400);
            assertThat(r.asString())
                    .as(e.getKey())
                    .contains(expected.get(e.getKey()))
                    .contains("name=\"" + e.getKey() + "\" value=\"" + e.getValue() + "\"")
                    .contains("href=\"#" + e.getKey() + "\"")
                    .contains("id=\"" + e.getKey() + "-error\"");
        }
        Response several =
                a.post("/staff/admin/deadlines", Map.of("school", school, "interval", "1.5", "retention", ""));
        assertThat(several.statusCode()).isEqualTo(400);
        assertThat(several.asString())
                .contains("for the reminder interval")
                .contains("for retention")
                .contains("Bullying or harassment: enter a whole number of hours from 1 to 168");
        Response forged = a.postRaw("/staff/admin/deadlines", with(school, "retention", "999"));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.asString()).contains("name=\"retention\" value=\"999\"");
        School s = QuarkusTransaction.requiringNew().call(() -> School.<School>findById(school));
        assertThat(s.retentionDays).as("nothing saved").isEqualTo(365);
        assertThat(s.escalationIntervalMinutes).isEqualTo(240);
    }

    @Test
    void onlyTheSchoolsAdministratorsMayOpenIt() {
        long school = staff.school("fr");
        long other = staff.school("fr");
        FormSession handler = staff.signedIn(staff.account(school, true, Role.HANDLER));
        assertThat(handler.get("/staff/admin/deadlines?school=" + school).statusCode())
                .isEqualTo(404);
        assertThat(handler.get("/staff/admin/deadlines").statusCode()).isEqualTo(404);
        assertThat(handler.post("/staff/admin/deadlines", defaults(school)).statusCode())
                .isEqualTo(404);
        FormSession elsewhere = staff.signedIn(staff.account(other, true, Role.ADMIN));
        assertThat(elsewhere.get("/staff/admin/deadlines?school=" + school).statusCode())
                .isEqualTo(404);
        assertThat(elsewhere.get("/staff/admin/deadlines?lang=fr").asString()).contains("Délais et conservation");
        assertThat(new FormSession().get("/staff/admin/deadlines").header("Location"))
                .endsWith("/staff/login");
    }
}
