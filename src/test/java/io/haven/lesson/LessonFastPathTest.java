package io.haven.lesson;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The lesson page's fast path answers exactly what the REST layer answers: the same status, headers
 * (cookies, security headers, language) and page, for readers with and without cookies, and it leaves
 * every other request to the REST layer. A request that carries a cookie the fast path does not know
 * takes the REST layer with an otherwise identical reader, so the two answers can be compared.
 */
@QuarkusTest
class LessonFastPathTest {

    static final String LESSON = "/lessons/if-it-happens";
    static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"");
    static final Pattern CSRF_COOKIE = Pattern.compile("(haven_csrf=)[A-Za-z0-9_-]{43}");

    @Inject
    LessonFastPath fast;

    @Test
    void aNewReaderGetsTheSamePageAndCookiesAsFromTheRestLayer() {
        String query = "?band=11-13&lang=ko";
        Response viaRest = get(query, Map.of("unrelated", "1"), null, false);
        Response viaFast = get(query, Map.of(), null, true);
        assertThat(viaFast.statusCode()).isEqualTo(200);
        assertThat(viaFast.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(viaFast.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(viaFast.header("Content-Language")).isEqualTo("ko");
        assertThat(viaFast.getHeaders().getValues("Set-Cookie"))
                .anyMatch(c -> c.startsWith("haven_lang=ko;"))
                .anyMatch(c -> c.startsWith("haven_band=11-13;"))
                .anyMatch(c -> c.startsWith("haven_csrf="));
        assertSameAnswer(viaFast, viaRest, true);
        // The token on the page is bound to the new cookie, so the quiz form it carries can be sent.
        String cookie = viaFast.getCookie("haven_csrf");
        Response again = get("", Map.of("haven_csrf", cookie, "haven_band", "11-13", "haven_lang", "ko"), null, true);
        assertThat(token(again)).isEqualTo(token(viaFast));
    }

    @Test
    void aReturningReaderWithCookiesGetsTheSamePageByteForByte() {
        Map<String, String> cookies = Map.of(
                "haven_csrf", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ", "haven_band", "14-18", "haven_lang", "fr");
        Map<String, String> withOther = new java.util.HashMap<>(cookies);
        withOther.put("unrelated", "1");
        Response viaRest = get("", withOther, null, false);
        Response viaFast = get("", cookies, null, true);
        assertThat(viaFast.getHeaders().getValues("Set-Cookie")).isEmpty();
        assertThat(viaFast.header("Content-Language")).isEqualTo("fr");
        assertSameAnswer(viaFast, viaRest, false);
    }

    @Test
    void theBrowsersLanguageAndAChosenJurisdictionResolveAsOnEveryPage() {
        Response viaRest = get("?band=8-10&jurisdiction=fr", Map.of("unrelated", "1"), "fr-FR,fr;q=0.9", false);
        Response viaFast = get("?band=8-10&jurisdiction=fr", Map.of(), "fr-FR,fr;q=0.9", true);
        assertThat(viaFast.header("Content-Language")).isEqualTo("fr");
        assertThat(viaFast.getHeaders().getValues("Set-Cookie")).anyMatch(c -> c.startsWith("haven_jurisdiction=fr;"));
        assertSameAnswer(viaFast, viaRest, true);
    }

    @Test
    void everyOtherRequestGoesToTheRestLayer() {
        get("?band=11-13", Map.of("unrelated", "1"), null, false); // the REST layer renders it and keeps it
        get("?band=11-13", Map.of(), null, true);
        get("?band=11-13", Map.of("haven_seat", "1.abc"), null, false);
        get("?band=11-13", Map.of("haven_staff", "x"), null, false);
        get("?band=11-13", Map.of("haven_flash", "x"), null, false);
        get("?band=11-13&other=1", Map.of(), null, false);
        get("?band=11-13&band=14-18", Map.of(), null, false);
        long before = fast.served();
        // No band chosen: the band choice page; a band the lesson lacks, an unknown lesson, a school's address.
        assertThat(given().get(LESSON).asString()).doesNotContain("lesson-body");
        assertThat(given().get("/lessons/no-such-lesson?band=11-13").statusCode())
                .isEqualTo(404);
        given().get("/s/no-such-school" + LESSON + "?band=11-13").then().statusCode(404);
        assertThat(fast.served()).isEqualTo(before);
    }

    private Response get(String query, Map<String, String> cookies, String acceptLanguage, boolean fastPath) {
        long before = fast.served();
        RequestSpecification r = given().redirects().follow(false).cookies(cookies);
        if (acceptLanguage != null) {
            r = r.header("Accept-Language", acceptLanguage);
        }
        Response response = r.get(LESSON + query);
        assertThat(fast.served() - before)
                .as("answered by the %s", fastPath ? "fast path" : "REST layer")
                .isEqualTo(fastPath ? 1 : 0);
        return response;
    }

    /** Same status, headers and body; {@code newCookie}: each got its own random CSRF cookie and token. */
    private static void assertSameAnswer(Response fast, Response rest, boolean newCookie) {
        UnaryOperator<String> body =
                newCookie ? b -> b.replace(token(fast), "T").replace(token(rest), "T") : b -> b;
        assertThat(fast.statusCode()).isEqualTo(rest.statusCode());
        assertThat(headers(fast)).isEqualTo(headers(rest));
        assertThat(body.apply(fast.asString())).isEqualTo(body.apply(rest.asString()));
    }

    private static List<String> headers(Response r) {
        return r.getHeaders().asList().stream()
                .filter(h -> !h.getName().equalsIgnoreCase("Date"))
                .map(LessonFastPathTest::header)
                .sorted()
                .toList();
    }

    private static String header(Header h) {
        Matcher m = CSRF_COOKIE.matcher(h.getValue());
        String value = m.find() ? m.replaceAll("$1C") : h.getValue();
        return h.getName().toLowerCase(Locale.ROOT) + ": " + value.replace(" ", "");
    }

    private static String token(Response r) {
        Matcher m = TOKEN.matcher(r.asString());
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }
}
