package io.haven.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Every response carries the headers of DESIGN.md section 6: pages, error pages and static files alike. */
@QuarkusTest
class SecurityHeadersTest {

    static void hasSecurityHeaders(ValidatableResponse r) {
        r.header(
                        "Content-Security-Policy",
                        allOf(
                                containsString("default-src 'self'"),
                                containsString("script-src 'self'"),
                                containsString("style-src 'self'"),
                                containsString("frame-ancestors 'none'"),
                                not(containsString("unsafe-inline")),
                                not(containsString("http"))))
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header(
                        "Permissions-Policy",
                        allOf(
                                containsString("camera=()"),
                                containsString("microphone=()"),
                                containsString("geolocation=()")));
    }

    /** Security audit, I-level: a forged Host header never reaches a redirect. */
    @Test
    void redirectsNameOnlyThePathNeverTheRequestsHost() {
        String location = given().header("Host", "evil.example")
                .redirects()
                .follow(false)
                .get("/staff")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        org.assertj.core.api.Assertions.assertThat(location)
                .isEqualTo("/staff/login")
                .doesNotContain("evil");
    }

    /** Security audit M5: a body larger than any form needs is refused before it is read. */
    @Test
    void anOversizedBodyIsRefused() {
        // The server answers 413 and may close the connection before the client has written the whole body,
        // which the client then sees as a broken pipe: either way the body was refused unread.
        try {
            given().contentType("application/x-www-form-urlencoded")
                    .body("message=" + "a".repeat(400_000))
                    .post("/report/follow-up/reply")
                    .then()
                    .statusCode(413);
        } catch (Exception refusedMidway) {
            org.assertj.core.api.Assertions.assertThat(refusedMidway)
                    .isInstanceOfAny(java.net.SocketException.class, java.io.IOException.class);
        }
        // The portal is still there for the next reader.
        given().get("/report").then().statusCode(200);
    }

    @Test
    void onPages() {
        hasSecurityHeaders(given().get("/").then().statusCode(200));
        hasSecurityHeaders(
                given().get("/lessons/if-it-happens?band=14-18").then().statusCode(200));
    }

    @Test
    void onErrorPages() {
        hasSecurityHeaders(given().get("/nothing-here").then().statusCode(404));
        hasSecurityHeaders(given().get("/test-only/boom").then().statusCode(500));
    }

    @Test
    void onStaticFiles() {
        hasSecurityHeaders(given().get("/static/haven.css").then().statusCode(200));
    }

    @Test
    void pagesHaveNoInlineScriptOrStyle() {
        String html = given().get("/lessons/my-image-my-choice?band=11-13").asString();
        org.assertj.core.api.Assertions.assertThat(html)
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)")
                .doesNotContain("style=")
                .doesNotContain("<style")
                .doesNotContainPattern(" on[a-z]+=");
    }

    @Test
    void cookiesAreHttpOnlyAndCsrfIsStrict() {
        given().get("/?lang=fr").then().header("Set-Cookie", containsString("HttpOnly"));
        String all =
                String.join("\n", given().get("/lessons?band=5-7").headers().getValues("Set-Cookie"));
        org.assertj.core.api.Assertions.assertThat(all)
                .contains("haven_csrf=")
                .containsPattern("haven_csrf=[^;]+; Path=/; HttpOnly; SameSite=Strict");
    }
}
