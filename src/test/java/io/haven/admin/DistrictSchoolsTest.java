package io.haven.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.audit.CaseAudit;
import io.haven.notify.OutboxMail;
import io.haven.report.Affected;
import io.haven.report.CaseStatus;
import io.haven.report.Category;
import io.haven.report.ReportCase;
import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.staff.Role;
import io.haven.staff.Staff;
import io.haven.staff.StaffFixtures;
import io.haven.staff.StaffRole;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A district administrator creates schools, and never sees a case. */
@QuarkusTest
class DistrictSchoolsTest {

    @Inject
    StaffFixtures fx;

    @Inject
    SchoolDirectory directory;

    @AfterEach
    void reset() {
        fx.reset();
    }

    static String slug() {
        return "new-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> valid(String slug) {
        Map<String, Object> f = new HashMap<>();
        f.put("name", "École Jean Moulin");
        f.put("slug", slug);
        f.put("jurisdiction", "fr");
        f.put("defaultLanguage", "fr");
        f.put("timeZone", "Europe/Paris");
        f.put("adminName", "");
        f.put("adminEmail", "");
        return f;
    }

    static Response create(FormSession b, Map<String, Object> form) {
        b.get("/staff/district/schools");
        return b.post("/staff/district/schools", form);
    }

    @Test
    void districtAdminCreatesASchoolWithAnInvitedFirstAdministrator() {
        StaffFixtures.Account districtAdmin = fx.account(null, true, Role.DISTRICT_ADMIN);
        FormSession d = fx.signedIn(districtAdmin);
        assertThat(d.get("/staff").asString()).contains("href=\"/staff/district/schools\"");
        Response list = d.get("/staff/district/schools");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.asString()).contains("Create a school");

        String slug = slug();
        String email = "first-admin-" + slug + "@test.haven";
        Map<String, Object> f = valid(slug);
        f.put("adminName", "Amélie Roux");
        f.put("adminEmail", email);
        Response r = create(d, f);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(d.get(r.header("Location")).asString())
                .contains("The school has been created and its first administrator invited", "École Jean Moulin", slug);

        School s = QuarkusTransaction.requiringNew()
                .call(() -> School.findBySlug(slug).orElseThrow());
        assertThat(s.name).isEqualTo("École Jean Moulin");
        assertThat(s.jurisdiction).isEqualTo("fr");
        assertThat(s.defaultLanguage).isEqualTo("fr");
        assertThat(s.timeZone).isEqualTo("Europe/Paris");
        assertThat(directory.bySlug(slug)).isPresent();
        assertThat(new FormSession().get("/s/" + slug + "/help").statusCode()).isEqualTo(200);

        List<CaseAudit> audit = QuarkusTransaction.requiringNew()
                .call(() -> CaseAudit.<CaseAudit>list("schoolId = ?1 and action = 'SCHOOL_CREATE'", s.id));
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).staffId).isEqualTo(districtAdmin.id());
        assertThat(audit.get(0).caseId).isNull();

        List<OutboxMail> mails = QuarkusTransaction.requiringNew().call(() -> OutboxMail.listTo(email));
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).bodyText()).contains("Amélie Roux", "École Jean Moulin", "/staff/invitation?token=");
        QuarkusTransaction.requiringNew().run(() -> {
            Staff invited = Staff.findByEmail(email).orElseThrow();
            assertThat(StaffRole.exists(invited.id, s.id, Role.ADMIN)).isTrue();
        });

        // Without a first administrator: no mail.
        String slug2 = slug();
        Response r2 = create(d, valid(slug2));
        assertThat(r2.statusCode()).isEqualTo(303);
        assertThat(d.get("/staff/district/schools").asString()).contains(slug2);
    }

    @Test
    void everyFieldIsCheckedAndTheFormComesBackFilledIn() {
        FormSession d = fx.signedIn(fx.account(null, true, Role.DISTRICT_ADMIN));
        Map<String, Object> f = new HashMap<>();
        f.put("name", "");
        f.put("slug", "Bad Slug!");
        f.put("jurisdiction", "");
        f.put("defaultLanguage", "es");
        f.put("timeZone", "Europe/Nowhere");
        f.put("adminName", "");
        f.put("adminEmail", "not-an-address");
        Response r = create(d, f);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString())
                .contains(
                        "Enter the name of the school.",
                        "Use 3 to 60 lowercase letters, digits and hyphens.",
                        "Choose one of the jurisdictions in the list.",
                        "Choose English, Korean or French.",
                        "Enter a time zone name such as Europe/Paris.",
                        "Enter an e-mail address like name@example.org.",
                        "Enter the name of the first administrator.",
                        "value=\"Bad Slug!\"",
                        "value=\"Europe/Nowhere\"",
                        "value=\"not-an-address\"",
                        "href=\"#slug\"");

        // Too short, too long, and taken.
        Map<String, Object> g = valid("ab");
        assertThat(create(d, g).asString()).contains("Use 3 to 60 lowercase letters", "value=\"École Jean Moulin\"");
        assertThat(create(d, valid("a".repeat(61))).statusCode()).isEqualTo(400);
        String taken = QuarkusTransaction.requiringNew().call(() -> School.<School>findById(fx.school("en")).slug);
        Response dup = create(d, valid(taken));
        assertThat(dup.statusCode()).isEqualTo(400);
        assertThat(dup.asString()).contains("Another school already uses this short name.");
        Map<String, Object> h = valid(slug());
        h.put("adminEmail", "someone@example.org");
        Response noName = create(d, h);
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(noName.asString())
                .contains("Enter the name of the first administrator.", "value=\"someone@example.org\"");
        assertThat(QuarkusTransaction.requiringNew().call(() -> School.findBySlug((String) h.get("slug"))))
                .isEmpty();

        // An expired form.
        d.get("/staff/district/schools");
        String s = slug();
        Response forged = d.postRaw("/staff/district/schools", valid(s));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.asString()).contains("value=\"" + s + "\"");
        assertThat(QuarkusTransaction.requiringNew().call(() -> School.findBySlug(s)))
                .isEmpty();
    }

    @Test
    void schoolStaffCannotReachTheDistrictPage() {
        long school = fx.school("en");
        FormSession admin = fx.signedIn(fx.account(school, true, Role.ADMIN));
        assertThat(admin.get("/staff/district/schools").statusCode()).isEqualTo(404);
        admin.get("/staff");
        String s = slug();
        assertThat(admin.post("/staff/district/schools", valid(s)).statusCode()).isEqualTo(404);
        assertThat(QuarkusTransaction.requiringNew().call(() -> School.findBySlug(s)))
                .isEmpty();
        assertThat(new FormSession().get("/staff/district/schools").header("Location"))
                .endsWith("/staff/login");
    }

    @Test
    void aDistrictAdminNeverOpensACase() {
        long school = fx.school("en");
        long caseId = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            ReportCase c = new ReportCase();
            c.schoolId = school;
            c.category = Category.BULLYING;
            c.affected = Affected.ME;
            c.status = CaseStatus.NEW;
            c.receiptHash = (UUID.randomUUID().toString() + UUID.randomUUID())
                    .replace("-", "")
                    .substring(0, 64);
            c.number = ReportCase.nextNumber(school);
            c.createdAt = now;
            c.updatedAt = now;
            c.acknowledgeBy = now.plus(Duration.ofDays(1));
            c.reviewBy = now.plus(Duration.ofDays(7));
            c.persist();
            return c.id;
        });
        FormSession d = fx.signedIn(fx.account(null, true, Role.DISTRICT_ADMIN));
        assertThat(d.get("/staff/cases").statusCode()).isEqualTo(404);
        assertThat(d.get("/staff/cases?school=" + school).statusCode()).isEqualTo(404);
        assertThat(d.get("/staff/cases/" + caseId).statusCode()).isEqualTo(404);
        assertThat(d.get("/staff/cases/" + caseId + "/export").statusCode()).isEqualTo(404);
        assertThat(d.get("/staff/admin/staff?school=" + school).statusCode()).isEqualTo(404);
        assertThat(d.get("/staff/admin/settings?school=" + school).statusCode()).isEqualTo(404);
        assertThat(d.get("/staff/admin/audit?school=" + school).statusCode()).isEqualTo(404);
        assertThat(QuarkusTransaction.requiringNew().call(() -> CaseAudit.count("caseId", caseId)))
                .isZero();

        // A district admin who also handles one school sees that school's cases only.
        long other = fx.school("en");
        StaffFixtures.Account both = fx.account(null, true, Role.DISTRICT_ADMIN);
        QuarkusTransaction.requiringNew()
                .run(() -> StaffRole.of(both.id(), other, Role.HANDLER).persist());
        FormSession b = fx.signedIn(both);
        assertThat(b.get("/staff/cases").statusCode()).isEqualTo(200);
        assertThat(b.get("/staff/cases/" + caseId).statusCode()).isEqualTo(404);
    }
}
