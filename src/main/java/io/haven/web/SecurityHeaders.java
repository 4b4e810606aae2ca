package io.haven.web;

import io.netty.util.AsciiString;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * The security headers of DESIGN.md section 6, on every answer of the public port: pages, error pages,
 * static files and the lesson page's fast path alike. One route before all others sets them all; the same
 * headers as {@code quarkus.http.header.*} configuration cost a route each (seven route matches per request)
 * and were written character by character. Here names and values are encoded once, at class load, so writing
 * them is a copy of bytes (JFR of the lesson page: these headers were the largest part of the response
 * writing). The management port (metrics, health) has its own router and never serves a page.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** Name and value of each header, in the order they are written. */
    static final List<AsciiString[]> HEADERS = List.of(
            header(
                    "Content-Security-Policy",
                    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
                            + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none';"
                            + " object-src 'none'"),
            header("X-Frame-Options", "DENY"),
            header("X-Content-Type-Options", "nosniff"),
            header("Referrer-Policy", "no-referrer"),
            header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
            header("Cross-Origin-Opener-Policy", "same-origin"),
            header("Cross-Origin-Resource-Policy", "same-origin"));

    private static AsciiString[] header(String name, String value) {
        return new AsciiString[] {AsciiString.cached(name), AsciiString.cached(value)};
    }

    void routes(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_HEADERS).handler(ctx -> {
            MultiMap headers = ctx.response().headers();
            for (AsciiString[] h : HEADERS) {
                headers.set(h[0], h[1]);
            }
            ctx.next();
        });
    }
}
