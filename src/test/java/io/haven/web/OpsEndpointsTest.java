package io.haven.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpsEndpointsTest {

    @Test
    void healthIncludesTheDatabase() {
        given().get("/q/health/live").then().statusCode(200).body(containsString("UP"));
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body(containsString("Database connections health check"), containsString("UP"));
    }

    @Test
    void metricsAreNotServedOnThePublicPort() {
        given().get("/q/metrics").then().statusCode(404);
    }
}
