package io.haven.staff;

import io.haven.web.Cookies;
import io.haven.web.HavenConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The staff session, on /staff routes only (no other page ever reads the staff cookie): reads it
 * before the resource runs, sends anyone not signed in to the step they are missing, and on the way
 * out re-issues the cookie so the idle window slides.
 */
public class StaffFilters {

    /** Pages for people who are not signed in. */
    static final Set<String> OPEN = Set.of(
            "/staff/login",
            "/staff/logout",
            "/staff/setup",
            "/staff/invitation",
            "/staff/password-reset",
            "/staff/password-reset/new");

    /** Pages between the password and the second factor. */
    static final Set<String> SECOND_FACTOR = Set.of("/staff/second-factor", "/staff/enrol");

    @Inject
    StaffSession session;

    // Filters are built at static init, before runtime configuration exists: look it up per request.
    @Inject
    Instance<HavenConfig> config;

    static boolean isStaffPath(String path) {
        return path.equals("/staff") || path.startsWith("/staff/");
    }

    /** Runs after matching, on the worker thread of the (blocking) staff resources, so it may read the database. */
    @ServerRequestFilter
    public Response onRequest(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        if (!isStaffPath(path)) {
            return null;
        }
        Cookie cookie = ctx.getCookies().get(StaffSession.COOKIE);
        session.load(cookie == null ? null : cookie.getValue());
        if (OPEN.contains(path)) {
            return null;
        }
        if (SECOND_FACTOR.contains(path)) {
            return session.hasPassword() ? null : seeOther("/staff/login");
        }
        return switch (session.state()) {
            case SIGNED_IN -> null;
            case NEEDS_ENROLMENT -> seeOther("/staff/enrol");
            case NEEDS_SECOND_FACTOR -> seeOther("/staff/second-factor");
            case NONE -> seeOther("/staff/login");
        };
    }

    @ServerResponseFilter
    public void onResponse(ContainerRequestContext req, ContainerResponseContext res) {
        if (!session.isLoaded()) {
            return;
        }
        String value = session.outgoingCookie();
        if (value == null) {
            return;
        }
        boolean secure = config.get().secureCookies()
                || "https".equals(req.getUriInfo().getRequestUri().getScheme());
        res.getHeaders()
                .add(
                        HttpHeaders.SET_COOKIE,
                        value.isEmpty()
                                ? Cookies.expire(StaffSession.COOKIE, secure)
                                : Cookies.session(StaffSession.COOKIE, value, secure));
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
