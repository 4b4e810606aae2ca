package io.haven.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.school.TestSchools;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A per-school link decides the jurisdiction and keeps the visitor on the school's links. */
@QuarkusTest
class SchoolLinksTest {

    @Inject
    SchoolDirectory schools;

    @BeforeEach
    void school() {
        long id = TestSchools.ensure("lycee-test", "fr", "fr", "Europe/Paris");
        QuarkusTransaction.requiringNew()
                .run(() -> School.<School>findById(id).quickExitUrl = "https://www.meteofrance.com/");
        schools.refresh();
    }

    @Test
    void schoolLinkShowsItsJurisdictionsHelpAndKeepsThePrefix() {
        given().get("/s/lycee-test/help")
                .then()
                .statusCode(200)
                .body(
                        containsString("tel:17"),
                        containsString("href=\"/s/lycee-test/report\""),
                        containsString("href=\"https://www.meteofrance.com/\""))
                .cookie("haven_jurisdiction", "fr");
    }

    @Test
    void visitorsOwnChoiceStillWins() {
        given().get("/s/lycee-test/help?jurisdiction=gb")
                .then()
                .statusCode(200)
                .body(containsString("tel:999"), not(containsString("tel:17\"")));
    }

    @Test
    void unknownSchoolIs404() {
        given().get("/s/unknown-school/help").then().statusCode(404);
    }
}
