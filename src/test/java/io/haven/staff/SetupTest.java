package io.haven.staff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.haven.audit.DistrictAudit;
import io.haven.school.School;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** First run: the one-time setup page creates the first school and administrator, then disappears. */
@QuarkusTest
class SetupTest {

    @Inject
    SetupService setup;

    @Inject
    StaffFixtures fx;

    String token;
    final List<String> logged = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r.getLevel() + " "
                    + String.format(
                            String.valueOf(r.getMessage()).replace("%s", "%s"),
                            r.getParameters() == null ? new Object[0] : r.getParameters()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void noAdministratorYet() {
        fx.reset();
        // Other tests may have made administrators: this test starts from an instance without one.
        QuarkusTransaction.requiringNew()
                .run(() -> StaffRole.delete("role in ?1", List.of(Role.ADMIN, Role.DISTRICT_ADMIN)));
        java.util.logging.Logger.getLogger(SetupService.class.getName()).addHandler(capture);
        token = setup.prepare();
    }

    @AfterEach
    void tearDown() {
        java.util.logging.Logger.getLogger(SetupService.class.getName()).removeHandler(capture);
        fx.reset();
    }

    @Test
    void tokenIsLoggedOnceAndTheSetupPageWorksOnce() {
        assertThat(token).isNotNull();
        assertThat(logged).anyMatch(l -> l.startsWith("INFO") && l.contains("/staff/setup?token=" + token));

        given().get("/staff/setup").then().statusCode(404);
        given().get("/staff/setup?token=wrong" + token.substring(5)).then().statusCode(404);

        FormSession b = new FormSession();
        Response form = b.get("/staff/setup?token=" + token);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.asString()).contains("Set up Haven", "name=\"jurisdiction\"", "autocomplete=\"new-password\"");

        String slug = "first-" + System.nanoTime();
        Map<String, String> fields = new HashMap<>(Map.of(
                "token",
                token,
                "schoolName",
                "École Première",
                "slug",
                slug,
                "jurisdiction",
                "fr",
                "language",
                "fr",
                "timeZone",
                "Europe/Paris",
                "displayName",
                "Claire Martin",
                "email",
                "claire." + slug + "@test.haven",
                "password",
                "short",
                "confirmPassword",
                "short"));
        Response invalid = b.post("/staff/setup", fields);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.asString())
                .contains("at least 12 characters", "value=\"École Première\"", "value=\"" + slug + "\"")
                .doesNotContain("value=\"short\"");

        fields.put("password", "lavande ciel montagne");
        fields.put("confirmPassword", "lavande ciel montagne");
        fields.put("timeZone", "Mars/Olympus");
        assertThat(b.post("/staff/setup", fields).asString()).contains("Enter a time zone such as Europe/Paris");
        fields.put("timeZone", "Europe/Paris");
        Response done = b.post("/staff/setup", fields);
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.header("Location")).endsWith("/staff/login");

        QuarkusTransaction.requiringNew().run(() -> {
            School s = School.findBySlug(slug).orElseThrow();
            assertThat(s.defaultLanguage).isEqualTo("fr");
            Staff admin = Staff.findByEmail("claire." + slug + "@test.haven").orElseThrow();
            assertThat(admin.passwordHash).startsWith("$argon2id$");
            assertThat(StaffRole.exists(admin.id, s.id, Role.ADMIN)).isTrue();
        });
        // Public pages know the school at once.
        given().get("/s/" + slug + "/help").then().statusCode(200);

        // The page is gone, with or without the old token.
        given().get("/staff/setup?token=" + token).then().statusCode(404);
        assertThat(b.post("/staff/setup", fields).statusCode()).isEqualTo(404);
        assertThat(setup.prepare()).isNull();

        // The administrator signs in and is asked to set up the second factor first.
        Response login = StaffFixtures.passwordStep(
                new FormSession(), "claire." + slug + "@test.haven", "lavande ciel montagne");
        assertThat(login.header("Location")).endsWith("/staff/enrol");
    }

    @Test
    void noTokenWhileAnAdministratorExists() {
        long school = fx.school("en");
        fx.account(school, true, Role.ADMIN);
        logged.clear();
        assertThat(setup.prepare()).isNull();
        assertThat(logged).noneMatch(l -> l.contains("/staff/setup?token="));
        given().get("/staff/setup?token=" + token).then().statusCode(404);
    }

    @Test
    void theTokenIsKeptHashedInTheDatabaseSoEveryNodeAcceptsEveryNodesLink() {
        // A second node starting without an administrator logs a link of its own.
        String other = setup.prepare();
        assertThat(other).isNotNull().isNotEqualTo(token);
        List<String> stored = QuarkusTransaction.requiringNew()
                .call(() -> SetupToken.<SetupToken>listAll().stream()
                        .map(t -> t.tokenHash)
                        .toList());
        assertThat(stored).hasSizeGreaterThanOrEqualTo(2).noneMatch(h -> h.contains(token) || h.contains(other));
        // Either link opens the page, whichever node answers: nothing about it is held in a node's memory.
        assertThat(new FormSession().get("/staff/setup?token=" + token).statusCode())
                .isEqualTo(200);
        assertThat(new FormSession().get("/staff/setup?token=" + other).statusCode())
                .isEqualTo(200);

        // Completing with one link closes the page for both.
        FormSession b = new FormSession();
        b.get("/staff/setup?token=" + other);
        String email = "district." + System.nanoTime() + "@test.haven";
        Response done = b.post(
                "/staff/setup",
                Map.of(
                        "token",
                        other,
                        "kind",
                        "district",
                        "displayName",
                        "Dana Kim",
                        "email",
                        email,
                        "password",
                        "lavande ciel montagne",
                        "confirmPassword",
                        "lavande ciel montagne"));
        assertThat(done.statusCode()).isEqualTo(303);
        given().get("/staff/setup?token=" + token).then().statusCode(404);
        given().get("/staff/setup?token=" + other).then().statusCode(404);
    }

    @Test
    void aDistrictSetupMakesADistrictAdministratorWithoutASchool() {
        long schoolsBefore = QuarkusTransaction.requiringNew().call(() -> School.count());
        FormSession b = new FormSession();
        Response form = b.get("/staff/setup?token=" + token);
        assertThat(form.asString()).contains("One school", "A district with several schools", "name=\"kind\"");
        String email = "district." + System.nanoTime() + "@test.haven";
        Map<String, String> fields = new HashMap<>(Map.of(
                "token",
                token,
                "kind",
                "district",
                "displayName",
                "Dana Kim",
                "email",
                email,
                "password",
                "lavande ciel montagne",
                "confirmPassword",
                "lavande ciel montagne"));
        Response done = b.post("/staff/setup", fields);
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(b.get(done.header("Location")).asString()).contains("Sign in to create the schools");
        QuarkusTransaction.requiringNew().run(() -> {
            Staff d = Staff.findByEmail(email).orElseThrow();
            assertThat(StaffRole.listByStaff(d.id))
                    .singleElement()
                    .satisfies(r -> assertThat(r.role).isEqualTo(Role.DISTRICT_ADMIN))
                    .satisfies(r -> assertThat(r.schoolId).isNull());
            assertThat(School.count()).isEqualTo(schoolsBefore);
            assertThat(DistrictAudit.<DistrictAudit>list("staffId = ?1 and action = 'SETUP'", d.id))
                    .hasSize(1);
        });
        // With a district administrator, no start logs a setup link any more.
        assertThat(setup.prepare()).isNull();
    }

    @Test
    void aSchoolSetupStillNeedsTheSchoolFields() {
        FormSession b = new FormSession();
        b.get("/staff/setup?token=" + token);
        Response r = b.post(
                "/staff/setup",
                Map.of(
                        "token",
                        token,
                        "kind",
                        "school",
                        "displayName",
                        "Dana Kim",
                        "email",
                        "d" + System.nanoTime() + "@test.haven",
                        "password",
                        "lavande ciel montagne",
                        "confirmPassword",
                        "lavande ciel montagne"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("href=\"#schoolName\"");
    }
}
