package io.haven.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.report.ReportResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Security audit L7: the form token is a keyed hash bound to the browser's cookie, not any value equal to it. */
@QuarkusTest
class CsrfTest {

    @Inject
    ReportResource reports;

    @AfterEach
    void clear() {
        reports.clearLimitsForTests();
    }

    static Response followUp(FormSession s, String token) {
        return s.postRaw("/report/follow-up", Map.of("receipt", "1234 5678 9012 3456", "_csrf", token));
    }

    @Test
    void aTokenThatIsNotTheKeyedHashOfTheCookieIsRefused() {
        FormSession s = new FormSession();
        s.get("/report/follow-up");
        String cookie = s.cookies.get(Cookies.CSRF);
        String token = s.token();
        assertThat(cookie).isNotNull();
        assertThat(token).isNotEqualTo(cookie).hasSize(64);

        // The old double-submit accepted the cookie's own value; a planted pair of equal values too.
        assertThat(followUp(s, cookie).statusCode()).isEqualTo(400);
        FormSession planted = new FormSession();
        planted.cookies.put(Cookies.CSRF, "A".repeat(43));
        assertThat(followUp(planted, "A".repeat(43)).statusCode()).isEqualTo(400);
        assertThat(followUp(planted, "a".repeat(64)).statusCode()).isEqualTo(400);

        // The real token passes the check (an unknown receipt is then a 404, not a form error).
        FormSession fresh = new FormSession();
        fresh.get("/report/follow-up");
        assertThat(followUp(fresh, fresh.token()).statusCode()).isEqualTo(404);
    }
}
