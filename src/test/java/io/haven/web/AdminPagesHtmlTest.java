package io.haven.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.staff.Role;
import io.haven.staff.StaffFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Nu HTML Checker finds no error in the school administration and district pages, with and without form errors. */
@QuarkusTest
class AdminPagesHtmlTest {

    @Inject
    StaffFixtures fx;

    @AfterEach
    void reset() {
        fx.reset();
    }

    static void valid(Response r, String name) throws Exception {
        assertThat(HtmlValidityTest.errorsIn(r.asString(), name)).as(name).isEmpty();
    }

    @Test
    void adminPagesAreValid() throws Exception {
        long school = fx.school("en");
        StaffFixtures.Account admin = fx.account(school, true, Role.ADMIN);
        StaffFixtures.Account handler = fx.account(school, true, Role.HANDLER);
        FormSession a = fx.signedIn(admin);
        for (String lang : new String[] {"en", "ko", "fr"}) {
            valid(a.get("/staff/admin/settings?school=" + school + "&lang=" + lang), "settings " + lang);
            valid(a.get("/staff/admin/staff?school=" + school + "&lang=" + lang), "staff " + lang);
            valid(
                    a.get("/staff/admin/staff/" + handler.id() + "?school=" + school + "&lang=" + lang),
                    "member " + lang);
            valid(a.get("/staff/admin/staff/" + admin.id() + "?school=" + school + "&lang=" + lang), "self " + lang);
            valid(a.get("/staff?lang=" + lang), "home " + lang);
        }
        a.get("/staff/admin/settings?school=" + school);
        Response bad = a.post(
                "/staff/admin/settings",
                Map.of(
                        "school",
                        school,
                        "name",
                        "",
                        "jurisdiction",
                        "x",
                        "defaultLanguage",
                        "x",
                        "timeZone",
                        "x",
                        "emergencyNumber",
                        "x",
                        "quickExitUrl",
                        "x"));
        assertThat(bad.statusCode()).isEqualTo(400);
        valid(bad, "settings with errors");
        a.get("/staff/admin/staff/" + handler.id() + "?school=" + school);
        Response refused = a.post(
                "/staff/admin/staff/" + handler.id() + "/deactivate", Map.of("school", school, "reassign", "-5"));
        assertThat(refused.statusCode()).isEqualTo(400);
        valid(refused, "member with errors");
        a.get("/staff/admin/staff/" + handler.id() + "?school=" + school);
        Response noRoles = a.post("/staff/admin/staff/" + handler.id() + "/roles", Map.of("school", school));
        assertThat(noRoles.statusCode()).isEqualTo(400);
        valid(noRoles, "roles with errors");

        FormSession d = fx.signedIn(fx.account(null, true, Role.DISTRICT_ADMIN));
        valid(d.get("/staff/district/schools?lang=ko"), "district");
        valid(d.get("/staff?lang=en"), "district home");
        d.get("/staff/district/schools");
        Response dbad = d.post(
                "/staff/district/schools",
                Map.of(
                        "name",
                        "",
                        "slug",
                        "X",
                        "jurisdiction",
                        "",
                        "defaultLanguage",
                        "",
                        "timeZone",
                        "",
                        "adminName",
                        "",
                        "adminEmail",
                        "bad"));
        assertThat(dbad.statusCode()).isEqualTo(400);
        valid(dbad, "district with errors");
    }
}
