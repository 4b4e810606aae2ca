package io.haven.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one CSRF check (issue 13): every state-changing request passes {@link CsrfFilter}. A handler that
 * does nothing about CSRF is still guarded; one marked {@link HandlesStaleForm} gets the stale form back
 * through {@link Forms#check} and does not act.
 */
@QuarkusTest
class CsrfFilterTest {

    @Test
    void aHandlerWithoutAnyCsrfCodeIsGuardedByTheFilter() {
        FormSession s = new FormSession();
        s.get("/report/follow-up");
        int before = CsrfFilterResource.ACTED.get();
        Response forged = s.postRaw("/test-only/csrf/unmarked", Map.of("note", "x", "_csrf", "a".repeat(64)));
        assertThat(forged.statusCode()).isEqualTo(403);
        Response missing = s.postRaw("/test-only/csrf/unmarked", Map.of("note", "x"));
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(CsrfFilterResource.ACTED.get()).as("nothing done").isEqualTo(before);

        s.get("/report/follow-up");
        Response real = s.post("/test-only/csrf/unmarked", Map.of("note", "kept"));
        assertThat(real.statusCode()).isEqualTo(200);
        assertThat(real.asString()).isEqualTo("acted on kept");
    }

    @Test
    void aMarkedHandlerGetsTheStaleFormBackWithTheTextAndDoesNotAct() {
        FormSession s = new FormSession();
        s.get("/report/follow-up");
        int before = CsrfFilterResource.ACTED.get();
        String cookie = s.cookies.get(Cookies.CSRF);
        Response stale = s.postRaw("/test-only/csrf/marked", Map.of("note", "my words", "_csrf", "b".repeat(64)));
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.asString()).isEqualTo("again {_csrf=form_csrf_expired} keeping my words");
        assertThat(CsrfFilterResource.ACTED.get()).isEqualTo(before);
        assertThat(s.cookies.get(Cookies.CSRF))
                .as("a fresh cookie comes with the answer")
                .isNotNull()
                .isNotEqualTo(cookie);

        s.get("/report/follow-up");
        assertThat(s.post("/test-only/csrf/marked", Map.of("note", " ")).asString())
                .as("after the token, the form's own constraints")
                .isEqualTo("again {note=form_error_summary_title} keeping  ");
        assertThat(s.post("/test-only/csrf/marked", Map.of("note", "fine")).asString())
                .isEqualTo("acted on fine");
    }
}
