package io.haven.lesson;

import io.haven.web.Cookies;
import io.haven.web.Csrf;
import io.haven.web.HavenConfig;
import io.haven.web.PageContext;
import io.haven.web.TokenMac;
import io.haven.web.WebFilters;
import io.netty.buffer.Unpooled;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * The lesson page for a reader whose page {@link LessonPageCache} already holds, answered on the event
 * loop before the REST layer. A cached page was a fifth of a request's CPU; the REST layer around it
 * (request context, filters, the response's media type and writer look-ups, a second copy of the body)
 * was a third (JFR, docs/benchmarks.md). Here the reader is resolved by the very code the page filter
 * uses ({@link WebFilters#resolve}), the same cookies and headers are set
 * ({@link WebFilters#preferenceCookies}, {@link WebFilters#pageHeaders}, the CSRF cookie), the security
 * headers come from the HTTP layer's configured headers as for every route, and the page bytes are
 * written once.
 * <p>
 * Anything else goes on to the REST layer unchanged: a cookie other than the preference and CSRF ones
 * (a class seat records progress there, a staff member gets their own page, a flash message is shown),
 * a query parameter other than band, language and jurisdiction, a per-school address, no band chosen,
 * a band the lesson does not have, or a page not cached yet (the REST layer renders and keeps it).
 * {@code LessonOpened} is not fired here: its one observer records a seat's progress, and a request
 * with a seat cookie never takes this path.
 */
@ApplicationScoped
public class LessonFastPath {

    /** The cookies a plain reader may carry; any other one sends the request to the REST layer. */
    private static final Set<String> PLAIN_COOKIES =
            Set.of(Cookies.LANGUAGE, Cookies.BAND, Cookies.JURISDICTION, Cookies.CSRF, Cookies.CSRF_HOST);

    private static final CharSequence HTML = HttpHeaders.createOptimized("text/html;charset=UTF-8");
    private static final String PREFIX = "/lessons/";

    @Inject
    ContentCatalogue content;

    @Inject
    LessonPageCache cache;

    @Inject
    HavenConfig config;

    @Inject
    TokenMac mac;

    private final LongAdder served = new LongAdder();

    void routes(@Observes Router router) {
        // Before the REST layer's route, after the HTTP layer's own (the configured security headers).
        router.get(PREFIX + ":id")
                .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(this::serve);
    }

    /** How many pages this path answered (tests: to know which path a request took). */
    long served() {
        return served.sum();
    }

    void serve(RoutingContext ctx) {
        if (!answer(ctx)) {
            ctx.next();
        }
    }

    private boolean answer(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String path = request.path();
        String id = path.substring(PREFIX.length());
        if (id.isEmpty() || id.indexOf('/') >= 0 || id.indexOf('%') >= 0) {
            return false;
        }
        Map<String, Cookie> cookies = new LinkedHashMap<>();
        for (Cookie c : request.cookies()) {
            if (!PLAIN_COOKIES.contains(c.getName())) {
                return false;
            }
            cookies.putIfAbsent(c.getName(), c);
        }
        Map<String, List<String>> query = query(ctx);
        if (query == null) {
            return false;
        }
        Optional<LessonModule> module = content.curriculum().module(id);
        if (module.isEmpty()) {
            return false;
        }
        PageContext page = new PageContext();
        WebFilters.resolve(
                page,
                path,
                query,
                name -> {
                    Cookie c = cookies.get(name);
                    return c == null ? null : c.getValue();
                },
                request.getHeader(HttpHeaders.ACCEPT_LANGUAGE),
                Optional.empty(),
                config);
        if (page.chosenBand().isEmpty()
                || !module.get().hasBand(page.chosenBand().get())) {
            return false;
        }
        String key = LessonPageCache.key(module.get().id(), page, query, false);
        byte[][] parts = key == null ? null : cache.kept(key);
        if (parts == null) {
            return false;
        }

        Cookie hostCookie = cookies.get(Cookies.CSRF_HOST);
        Cookie plainCookie = cookies.get(Cookies.CSRF);
        String fromBrowser =
                hostCookie != null ? hostCookie.getValue() : plainCookie == null ? null : plainCookie.getValue();
        boolean hasCookie = Csrf.isWellFormed(fromBrowser);
        String cookieValue = hasCookie ? fromBrowser : Csrf.newCookieValue();
        byte[] token = Csrf.token(mac, cookieValue).getBytes(StandardCharsets.US_ASCII);

        // The cached slices and the token wrapped as they are, not joined into a new 20 KB array for each
        // request (Netty copies them once, into the socket's direct buffer, as it did the joined array). The
        // wrappers are unpooled heap buffers: nothing to release, the collector frees them (the direct,
        // pooled variant of this leaked: see git history). Buffer.buffer(ByteBuf) is gone in Vert.x 5, where
        // this becomes BufferInternal.buffer.
        byte[][] pieces = new byte[2 * parts.length - 1][];
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                pieces[2 * i - 1] = token;
            }
            pieces[2 * i] = parts[i];
        }
        @SuppressWarnings("deprecation")
        Buffer body = Buffer.buffer(Unpooled.wrappedBuffer(pieces));

        HttpServerResponse response = ctx.response();
        MultiMap headers = response.headers();
        boolean secure = config.secureCookies() || "https".equals(request.scheme());
        headers.set(HttpHeaders.CONTENT_TYPE, HTML);
        WebFilters.preferenceCookies(page, query, secure, c -> headers.add(HttpHeaders.SET_COOKIE, c));
        if (!hasCookie) {
            headers.add(
                    HttpHeaders.SET_COOKIE,
                    Cookies.session(secure ? Cookies.CSRF_HOST : Cookies.CSRF, cookieValue, secure));
        }
        WebFilters.pageHeaders(page, headers::set);
        served.increment();
        response.setStatusCode(200).end(body);
        return true;
    }

    /** The query's parameters, each once; null when one repeats or the query cannot be read. */
    private static Map<String, List<String>> query(RoutingContext ctx) {
        String raw = ctx.request().query();
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        MultiMap params;
        try {
            // Not request().params(): the router adds the path's parameters (the lesson id) to those.
            params = ctx.queryParams();
        } catch (RuntimeException unreadable) {
            return null;
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String name : params.names()) {
            List<String> values = params.getAll(name);
            if (values.size() != 1) {
                return null;
            }
            query.put(name, new ArrayList<>(values));
        }
        return query;
    }
}
