package io.haven.web;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The request set-up every page shares: per-school links, language, band and jurisdiction,
 * CSRF and flash cookies; and on the way out the cookies to set and no caching of pages.
 */
public class WebFilters {

    @Inject
    PageContext page;

    @Inject
    Csrf csrf;

    @Inject
    Flash flash;

    @Inject
    PageSchools schools;

    // Filters are built at static init, before runtime configuration exists: looked up at the first request.
    @Inject
    Instance<HavenConfig> configLookup;

    private volatile HavenConfig config;

    @Inject
    ErrorPages errors;

    @ServerRequestFilter(preMatching = true)
    public Response onRequest(ContainerRequestContext ctx) {
        URI uri = ctx.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        MultivaluedMap<String, String> params = ctx.getUriInfo().getQueryParameters();
        Map<String, Cookie> cookies = ctx.getCookies();

        Optional<? extends PageSchools.PageSchool> school = Optional.empty();
        if (path.startsWith("/s/")) {
            int end = path.indexOf('/', 3);
            String slug = end < 0 ? path.substring(3) : path.substring(3, end);
            school = schools.bySlug(slug);
            String rest = end < 0 ? "/" : path.substring(end);
            page.setSchoolSlug(slug);
            path = rest;
            if (school.isPresent()) {
                ctx.setRequestUri(UriBuilder.fromUri(uri).replacePath(rest).build());
            }
        }
        boolean reportRoute = path.equals("/report") || path.startsWith("/report/");
        page.setReportRoute(reportRoute);

        page.setLanguage(Language.resolve(
                params.getFirst("lang"),
                value(cookies, Cookies.LANGUAGE),
                ctx.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
        page.setBand(Band.of(params.getFirst("band"))
                .or(() -> Band.of(value(cookies, Cookies.BAND)))
                .orElse(null));

        String chosen = Jurisdictions.valid(params.getFirst("jurisdiction"));
        String jurisdiction = chosen != null
                ? chosen
                : school.map(PageSchools.PageSchool::jurisdiction)
                        .orElseGet(() -> Optional.ofNullable(Jurisdictions.valid(value(cookies, Cookies.JURISDICTION)))
                                .orElse(config().defaultJurisdiction()));
        page.setJurisdiction(jurisdiction);
        page.setQuickExitUrl(school.map(PageSchools.PageSchool::quickExitUrl)
                .filter(u -> u != null && !u.isBlank())
                .orElse(config().quickExitUrl()));
        page.setEmergencyNumber(school.filter(s -> s.jurisdiction().equals(jurisdiction))
                .map(PageSchools.PageSchool::emergencyNumber)
                .filter(n -> n != null && !n.isBlank())
                .orElse(null));

        Map<String, String> query = new LinkedHashMap<>();
        params.forEach((k, v) -> query.put(k, v.get(0)));
        page.setPath(path, query);

        csrf.fromCookie(
                Optional.ofNullable(value(cookies, Cookies.CSRF_HOST)).orElseGet(() -> value(cookies, Cookies.CSRF)));
        flash.fromCookie(value(cookies, Cookies.FLASH));

        if (page.schoolSlug().isPresent() && school.isEmpty()) {
            return errors.notFoundResponse();
        }
        return null;
    }

    @ServerResponseFilter
    public void onResponse(ContainerRequestContext req, ContainerResponseContext res) {
        boolean secure = config().secureCookies()
                || "https".equals(req.getUriInfo().getRequestUri().getScheme());
        MultivaluedMap<String, Object> headers = res.getHeaders();
        // Redirects to this site say only the path: an absolute one would repeat whatever Host header the
        // request carried, and send the browser wherever a forged Host named.
        Object location = headers.getFirst(HttpHeaders.LOCATION);
        if (location != null) {
            URI to = URI.create(location.toString());
            URI self = req.getUriInfo().getRequestUri();
            if (to.isAbsolute() && java.util.Objects.equals(to.getRawAuthority(), self.getRawAuthority())) {
                headers.putSingle(
                        HttpHeaders.LOCATION,
                        to.getRawPath()
                                + (to.getRawQuery() == null ? "" : "?" + to.getRawQuery())
                                + (to.getRawFragment() == null ? "" : "#" + to.getRawFragment()));
            }
        }
        MultivaluedMap<String, String> params = req.getUriInfo().getQueryParameters();

        // Report pages read preferences but set none of their own: a cookie could hint that someone reported.
        if (!page.isReportRoute()) {
            Language.of(params.getFirst("lang"))
                    .ifPresent(l ->
                            headers.add(HttpHeaders.SET_COOKIE, Cookies.preference(Cookies.LANGUAGE, l.code, secure)));
            Band.of(params.getFirst("band"))
                    .ifPresent(
                            b -> headers.add(HttpHeaders.SET_COOKIE, Cookies.preference(Cookies.BAND, b.id, secure)));
            Optional.ofNullable(Jurisdictions.valid(params.getFirst("jurisdiction")))
                    .or(() -> page.schoolSlug().map(s -> page.getJurisdiction()))
                    .ifPresent(j ->
                            headers.add(HttpHeaders.SET_COOKIE, Cookies.preference(Cookies.JURISDICTION, j, secure)));
        }
        // A Response built around a template may not carry its media type yet: only an explicit
        // other type (a CSV export) marks a response as not being a page.
        boolean html =
                res.getMediaType() == null || "html".equals(res.getMediaType().getSubtype());
        if (html || res.getStatus() == 303) {
            if (!csrf.hasCookie()) {
                headers.add(
                        HttpHeaders.SET_COOKIE,
                        Cookies.session(secure ? Cookies.CSRF_HOST : Cookies.CSRF, csrf.cookieValue(), secure));
            }
        }
        if (flash.outgoing() != null) {
            headers.add(HttpHeaders.SET_COOKIE, Cookies.session(Cookies.FLASH, flash.outgoing(), secure));
        } else if (flash.consumed()) {
            headers.add(HttpHeaders.SET_COOKIE, Cookies.expire(Cookies.FLASH, secure));
        }
        if (html) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
            headers.putSingle(HttpHeaders.CONTENT_LANGUAGE, page.getLang());
            headers.putSingle(HttpHeaders.VARY, "Cookie, Accept-Language");
        }
    }

    private HavenConfig config() {
        HavenConfig c = config;
        if (c == null) {
            c = configLookup.get();
            config = c;
        }
        return c;
    }

    private static String value(Map<String, Cookie> cookies, String name) {
        Cookie c = cookies.get(name);
        return c == null ? null : c.getValue();
    }
}
