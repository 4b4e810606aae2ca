package io.haven.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.audit.CaseAudit;
import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.haven.staff.StaffRole;
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

/** A school administrator changes the school's settings; the school's public pages follow. */
@QuarkusTest
class SchoolSettingsTest {

    @Inject
    StaffFixtures fx;

    @Inject
    SchoolDirectory directory;

    @AfterEach
    void reset() {
        fx.reset();
    }

    static Map<String, Object> valid(long school) {
        Map<String, Object> f = new HashMap<>();
        f.put("school", school);
        f.put("name", "Collège des Tilleuls");
        f.put("jurisdiction", "gb");
        f.put("defaultLanguage", "ko");
        f.put("timeZone", "Europe/London");
        f.put("emergencyNumber", "+44 800-1111");
        f.put("quickExitUrl", "https://www.bbc.co.uk/weather");
        f.put("notifyCategory", "true");
        return f;
    }

    static School school(long id) {
        return QuarkusTransaction.requiringNew().call(() -> School.<School>findById(id));
    }

    Response save(FormSession b, long school, Map<String, Object> form) {
        b.get("/staff/admin/settings?school=" + school);
        return b.post("/staff/admin/settings", form);
    }

    @Test
    void adminSavesSettingsAuditedAndPublicPagesShowThem() {
        long id = fx.school("en");
        String slug = school(id).slug;
        directory.refresh();
        FormSession a = fx.signedIn(fx.account(id, true, Role.ADMIN));
        Response page = a.get("/staff/admin/settings?school=" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("value=\"Test School " + slug + "\"", "value=\"Europe/Paris\"");
        // Without a school in the link, the admin's school is shown.
        assertThat(a.get("/staff/admin/settings").asString()).contains("Settings of Test School " + slug);

        Response r = save(a, id, valid(id));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(a.get(r.header("Location")).asString())
                .contains("The settings have been saved", "value=\"Collège des Tilleuls\"", "value=\"+44 800-1111\"");

        School s = school(id);
        assertThat(s.name).isEqualTo("Collège des Tilleuls");
        assertThat(s.jurisdiction).isEqualTo("gb");
        assertThat(s.defaultLanguage).isEqualTo("ko");
        assertThat(s.timeZone).isEqualTo("Europe/London");
        assertThat(s.emergencyNumber).isEqualTo("+44 800-1111");
        assertThat(s.quickExitUrl).isEqualTo("https://www.bbc.co.uk/weather");
        assertThat(s.notifyCategory).isTrue();
        List<CaseAudit> audit = QuarkusTransaction.requiringNew()
                .call(() -> CaseAudit.<CaseAudit>list("schoolId = ?1 and action = 'SETTINGS'", id));
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).caseId).isNull();
        assertThat(audit.get(0).detail).contains("jurisdiction fr -> gb");

        // The school's public pages: new name, jurisdiction, emergency number and quick exit.
        FormSession pupil = new FormSession();
        String report = pupil.get("/s/" + slug + "/report?lang=en").asString();
        assertThat(report)
                .contains("Collège des Tilleuls", "href=\"https://www.bbc.co.uk/weather\"", "tel:+44 800-1111");
        String help = pupil.get("/s/" + slug + "/help?lang=en").asString();
        assertThat(help).contains("tel:+44 800-1111").doesNotContain("tel:999\"");
        // A visitor who picks another jurisdiction sees that jurisdiction's number.
        assertThat(pupil.get("/s/" + slug + "/help?lang=en&jurisdiction=fr").asString())
                .contains("tel:17")
                .doesNotContain("+44 800-1111");

        // Emptied: the jurisdiction's own number and the site's quick exit again.
        Map<String, Object> plain = valid(id);
        plain.put("emergencyNumber", "");
        plain.put("quickExitUrl", "");
        plain.remove("notifyCategory");
        assertThat(save(a, id, plain).statusCode()).isEqualTo(303);
        assertThat(school(id).notifyCategory).isFalse();
        String after = new FormSession().get("/s/" + slug + "/help?lang=en").asString();
        assertThat(after).contains("tel:999").doesNotContain("bbc.co.uk");
    }

    @Test
    void everyFieldIsCheckedAndTheFormComesBackFilledIn() {
        long id = fx.school("en");
        FormSession a = fx.signedIn(fx.account(id, true, Role.ADMIN));
        Map<String, Object> f = valid(id);
        f.put("name", " ");
        f.put("jurisdiction", "xx");
        f.put("defaultLanguage", "de");
        f.put("timeZone", "Mars/Olympus");
        f.put("emergencyNumber", "call me");
        f.put("quickExitUrl", "http://example.org/");
        Response r = save(a, id, f);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString())
                .contains(
                        "Enter the name of the school.",
                        "Choose one of the jurisdictions in the list.",
                        "Choose English, Korean or French.",
                        "Enter a time zone name such as Europe/Paris.",
                        "Use digits, spaces, + and - only",
                        "Enter a full address starting with https://",
                        "value=\"Mars/Olympus\"",
                        "value=\"call me\"",
                        "value=\"http://example.org/\"",
                        "href=\"#timeZone\"",
                        "aria-invalid=\"true\"");

        Map<String, Object> g = valid(id);
        g.put("name", "x".repeat(201));
        g.put("timeZone", "+02:00");
        g.put("emergencyNumber", "1".repeat(21));
        g.put("quickExitUrl", "https:///nohost");
        Response r2 = save(a, id, g);
        assertThat(r2.statusCode()).isEqualTo(400);
        assertThat(r2.asString())
                .contains(
                        "at most 200 characters",
                        "Enter a time zone name",
                        "Use digits, spaces",
                        "Enter a full address starting with https://",
                        "value=\"" + "x".repeat(201) + "\"");
        Map<String, Object> h = valid(id);
        h.put("emergencyNumber", "+ -");
        assertThat(save(a, id, h).asString()).contains("Use digits, spaces");

        // An expired form is refused, filled in.
        a.get("/staff/admin/settings?school=" + id);
        Response forged = a.postRaw("/staff/admin/settings", valid(id));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.asString()).contains("value=\"Collège des Tilleuls\"");
        assertThat(school(id).name).startsWith("Test School");
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> CaseAudit.count("schoolId = ?1 and action = 'SETTINGS'", id)))
                .isZero();
    }

    @Test
    void onlyTheSchoolsAdministratorsReachItsSettings() {
        long a = fx.school("en");
        long b = fx.school("en");
        FormSession handler = fx.signedIn(fx.account(a, true, Role.HANDLER));
        assertThat(handler.get("/staff/admin/settings?school=" + a).statusCode())
                .isEqualTo(404);
        assertThat(handler.get("/staff/admin/settings").statusCode()).isEqualTo(404);
        handler.get("/staff");
        assertThat(handler.post("/staff/admin/settings", valid(a)).statusCode()).isEqualTo(404);

        StaffFixtures.Account adminA = fx.account(a, true, Role.ADMIN);
        FormSession admin = fx.signedIn(adminA);
        assertThat(admin.get("/staff/admin/settings?school=" + b).statusCode()).isEqualTo(404);
        assertThat(admin.get("/staff/admin/settings?school=nonsense").statusCode())
                .isEqualTo(404);
        admin.get("/staff/admin/settings?school=" + a);
        assertThat(admin.post("/staff/admin/settings", valid(b)).statusCode()).isEqualTo(404);
        assertThat(school(b).name).startsWith("Test School");

        // An administrator of several schools can switch between them.
        QuarkusTransaction.requiringNew()
                .run(() -> StaffRole.of(adminA.id(), b, Role.ADMIN).persist());
        assertThat(admin.get("/staff/admin/settings?school=" + b).asString())
                .contains("Your other schools", "/staff/admin/settings?school=" + a);
        assertThat(new FormSession().get("/staff/admin/settings").header("Location"))
                .endsWith("/staff/login");
    }
}
