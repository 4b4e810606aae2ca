package io.haven.web;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like session for tests: keeps cookies, and sends forms with the CSRF token of the page they came from. */
public class FormSession {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ONCE = Pattern.compile("name=\"_once\" value=\"([^\"]+)\"");

    public final Map<String, String> cookies = new HashMap<>();
    private String token;
    private String once;

    public Response get(String path) {
        Response r = given().cookies(cookies).redirects().follow(false).get(path);
        remember(r);
        once = onceOf(r);
        Matcher m = TOKEN.matcher(r.asString());
        if (m.find()) {
            token = m.group(1);
        }
        return r;
    }

    /**
     * The same browser as a second sender of the page it shows: its cookies and the tokens of its last page,
     * with state of its own. A double click is two sends of one form: each from its own twin, so that the
     * first answer (a new page, new tokens, new cookies) cannot change what the second sends, however late
     * a busy machine runs it.
     */
    public FormSession twin() {
        FormSession t = new FormSession();
        t.cookies.putAll(cookies);
        t.token = token;
        t.once = once;
        return t;
    }

    /** Posts a form as a browser would, with the token from the last page. */
    public Response post(String path, Map<String, ?> form) {
        Map<String, Object> f = new HashMap<>(form);
        f.put("_csrf", token);
        if (once != null) {
            f.putIfAbsent("_once", once);
        }
        return postRaw(path, f);
    }

    /** Posts without adding a token, as a forged or stale form would arrive. */
    public Response postRaw(String path, Map<String, ?> form) {
        RequestSpecification spec = given().cookies(cookies)
                .redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
        form.forEach((k, v) -> spec.formParam(k, v));
        Response r = spec.post(path);
        remember(r);
        once = onceOf(r);
        Matcher m = TOKEN.matcher(r.asString());
        if (m.find()) {
            token = m.group(1);
        }
        return r;
    }

    /** The one-time form token of the last page's form (null when it had none): sending it twice is a repeat. */
    public String once() {
        return once;
    }

    private static String onceOf(Response r) {
        Matcher m = ONCE.matcher(r.asString());
        return m.find() ? m.group(1) : null;
    }

    public String token() {
        return token;
    }

    private void remember(Response r) {
        r.getDetailedCookies().forEach(c -> {
            if (c.getMaxAge() == 0) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        });
    }
}
