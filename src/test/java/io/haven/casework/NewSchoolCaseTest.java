package io.haven.casework;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.report.Receipt;
import io.haven.report.ReportCase;
import io.haven.report.ReportForm;
import io.haven.report.ReportService;
import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.school.TestSchools;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A school is created, a report arrives for it, its staff open the case: at once, whichever node made the
 * school. Before, a node whose school directory had not loaded the school answered the case page with a 500
 * (the school's jurisdiction was null, and looking up its law sheet threw).
 */
@QuarkusTest
class NewSchoolCaseTest {

    static final String DUTY = "Notify the public prosecutor without delay (art. 40)";

    @Inject
    StaffFixtures fx;

    @Inject
    SchoolDirectory directory;

    @Inject
    ReportService reports;

    @AfterEach
    void reset() {
        fx.reset();
    }

    static String slug() {
        return "new-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static long onlyCase(long schoolId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ReportCase.<ReportCase>find("schoolId", schoolId).singleResult().id);
    }

    /** The handler sees the case in the list and on its page, with the duties of the school's jurisdiction. */
    void handlerOpens(StaffFixtures.Account handler, long caseId, String body) {
        FormSession h = fx.signedIn(handler);
        Response list = h.get("/staff/cases");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.asString()).contains("/staff/cases/" + caseId + "\"");
        Response page = h.get("/staff/cases/" + caseId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains(body, DUTY);
    }

    @Test
    void aSchoolCreatedOnTheDistrictPageTakesAReportAndItsStaffOpenTheCase() {
        FormSession district = fx.signedIn(fx.account(null, true, Role.DISTRICT_ADMIN));
        String slug = slug();
        Map<String, Object> school = new HashMap<>();
        school.put("name", "Collège Neuf " + slug);
        school.put("slug", slug);
        school.put("jurisdiction", "fr");
        school.put("defaultLanguage", "fr");
        school.put("timeZone", "Europe/Paris");
        school.put("adminName", "");
        school.put("adminEmail", "");
        district.get("/staff/district/schools");
        assertThat(district.post("/staff/district/schools", school).statusCode())
                .isEqualTo(303);
        long schoolId = QuarkusTransaction.requiringNew()
                .call(() -> School.findBySlug(slug).orElseThrow().id);
        StaffFixtures.Account handler = fx.account(schoolId, true, Role.HANDLER);

        String body = "They ask for money or they share my photo " + slug;
        FormSession student = new FormSession();
        assertThat(student.get("/s/" + slug + "/report").statusCode()).isEqualTo(200);
        Response receipt = student.post("/s/" + slug + "/report", CaseworkFlowTest.report(slug, "sextortion", body));
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.asString()).containsPattern(CaseworkFlowTest.RECEIPT);

        handlerOpens(handler, onlyCase(schoolId), body);
    }

    @Test
    void aSchoolAnotherNodeCreatedIsKnownHereBeforeTheNextRefresh() {
        // Another node created the school and took its first report; this node has not refreshed since.
        String slug = slug();
        long schoolId = TestSchools.ensure(slug, "fr", "fr", "Europe/Paris");
        StaffFixtures.Account handler = fx.account(schoolId, true, Role.HANDLER);
        String body = "Someone asks for money or they share a picture " + slug;
        ReportForm form = new ReportForm();
        form.category = "sextortion";
        form.affected = "me";
        form.body = body;
        form.dangerNow = "no";
        Receipt receipt = reports.submitNew(form, schoolId, null).orElseThrow();
        assertThat(receipt.acknowledgeBy().getZone()).isEqualTo(ZoneId.of("Europe/Paris"));

        handlerOpens(handler, onlyCase(schoolId), body);

        // The report form without a school prefix, sent to this node with the school's slug, is stored.
        FormSession student = new FormSession();
        student.get("/report");
        Response stored =
                student.post("/report", CaseworkFlowTest.report(slug, "sextortion", "A second report " + slug));
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.asString()).containsPattern(CaseworkFlowTest.RECEIPT);

        // The public pages (resolved on the I/O thread from memory alone) know it once the directory refreshes.
        directory.refresh();
        assertThat(new FormSession().get("/s/" + slug + "/report").statusCode()).isEqualTo(200);
    }
}
