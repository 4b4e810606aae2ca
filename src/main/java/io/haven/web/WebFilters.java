package io.haven.web;

import io.netty.util.AsciiString;
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
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The request set-up every page shares: per-school links, language, band and jurisdiction,
 * CSRF and flash cookies; and on the way out the cookies to set and no caching of pages.
 */
public class WebFilters {

    // The preference cookies and page headers, built and encoded once: the lesson fast path writes them for
    // every new reader, and a string header is written a character at a time.
    private static final Map<Language, AsciiString[]> LANGUAGE_COOKIES = new EnumMap<>(Language.class);
    private static final Map<Band, AsciiString[]> BAND_COOKIES = new EnumMap<>(Band.class);
    private static final Map<String, AsciiString[]> JURISDICTION_COOKIES = new ConcurrentHashMap<>();

    static {
        for (Language l : Language.values()) {
            LANGUAGE_COOKIES.put(l, bothCookies(Cookies.LANGUAGE, l.code));
        }
        for (Band b : Band.values()) {
            BAND_COOKIES.put(b, bothCookies(Cookies.BAND, b.id));
        }
    }

    /** The preference cookie without and with the Secure attribute, encoded. */
    private static AsciiString[] bothCookies(String name, String value) {
        return new AsciiString[] {
            AsciiString.cached(Cookies.preference(name, value, false)),
            AsciiString.cached(Cookies.preference(name, value, true))
        };
    }

    private static final AsciiString CACHE_CONTROL = AsciiString.cached(HttpHeaders.CACHE_CONTROL);
    private static final AsciiString NO_STORE = AsciiString.cached("no-store");
    private static final AsciiString CONTENT_LANGUAGE = AsciiString.cached(HttpHeaders.CONTENT_LANGUAGE);
    private static final Map<Language, AsciiString> LANGUAGE_CODES = new EnumMap<>(Language.class);
    private static final AsciiString VARY = AsciiString.cached(HttpHeaders.VARY);
    private static final AsciiString VARY_VALUE = AsciiString.cached("Cookie, Accept-Language");

    static {
        for (Language l : Language.values()) {
            LANGUAGE_CODES.put(l, AsciiString.cached(l.code));
        }
    }

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
        resolve(
                page,
                path,
                params,
                name -> value(cookies, name),
                ctx.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE),
                school,
                config());

        csrf.fromCookie(
                Optional.ofNullable(value(cookies, Cookies.CSRF_HOST)).orElseGet(() -> value(cookies, Cookies.CSRF)));
        flash.fromCookie(value(cookies, Cookies.FLASH));

        if (page.schoolSlug().isPresent() && school.isEmpty()) {
            return errors.notFoundResponse();
        }
        return null;
    }

    /**
     * What a request says about its reader (language, band, jurisdiction, quick exit, emergency number, the
     * address the switches repeat), from its path (school prefix removed), query, cookies and
     * Accept-Language. Shared with the lesson page's fast path (lesson.LessonFastPath), which answers before
     * this filter runs and must see the reader exactly as the pages do.
     */
    public static void resolve(
            PageContext page,
            String path,
            Map<String, ? extends List<String>> params,
            Function<String, String> cookie,
            String acceptLanguage,
            Optional<? extends PageSchools.PageSchool> school,
            HavenConfig config) {
        boolean reportRoute = path.equals("/report") || path.startsWith("/report/");
        page.setReportRoute(reportRoute);

        page.setLanguage(Language.resolve(first(params, "lang"), cookie.apply(Cookies.LANGUAGE), acceptLanguage));
        page.setBand(Band.of(first(params, "band"))
                .or(() -> Band.of(cookie.apply(Cookies.BAND)))
                .orElse(null));

        String chosen = Jurisdictions.valid(first(params, "jurisdiction"));
        String jurisdiction = chosen != null
                ? chosen
                : school.map(PageSchools.PageSchool::jurisdiction)
                        .orElseGet(() -> Optional.ofNullable(Jurisdictions.valid(cookie.apply(Cookies.JURISDICTION)))
                                .orElse(config.defaultJurisdiction()));
        page.setJurisdiction(jurisdiction);
        page.setQuickExitUrl(school.map(PageSchools.PageSchool::quickExitUrl)
                .filter(u -> u != null && !u.isBlank())
                .orElse(config.quickExitUrl()));
        page.setEmergencyNumber(school.filter(s -> s.jurisdiction().equals(jurisdiction))
                .map(PageSchools.PageSchool::emergencyNumber)
                .filter(n -> n != null && !n.isBlank())
                .orElse(null));

        Map<String, String> query = new LinkedHashMap<>();
        params.forEach((k, v) -> query.put(k, v.get(0)));
        page.setPath(path, query);
    }

    /**
     * The preference cookies a page sets for the language, band and jurisdiction its address chose (report
     * pages set none: a cookie could hint that someone reported). Shared with the lesson fast path. Each
     * cookie is built and encoded once (values are checked against the known languages, bands and
     * jurisdictions before they get here, so there are a few dozen at most).
     */
    public static void preferenceCookies(
            PageContext page,
            Map<String, ? extends List<String>> params,
            boolean secure,
            Consumer<CharSequence> setCookie) {
        if (page.isReportRoute()) {
            return;
        }
        int s = secure ? 1 : 0;
        Language.of(first(params, "lang"))
                .ifPresent(l -> setCookie.accept(LANGUAGE_COOKIES.get(l)[s]));
        Band.of(first(params, "band"))
                .ifPresent(b -> setCookie.accept(BAND_COOKIES.get(b)[s]));
        Optional.ofNullable(Jurisdictions.valid(first(params, "jurisdiction")))
                .or(() -> page.schoolSlug().map(x -> page.getJurisdiction()))
                .ifPresent(j -> setCookie.accept(
                        JURISDICTION_COOKIES.computeIfAbsent(j, v -> bothCookies(Cookies.JURISDICTION, v))[s]));
    }

    /**
     * The page headers every HTML answer carries: never cached, its language, varying by cookie and language.
     * Names and values are encoded once: the lesson fast path writes them as bytes.
     */
    public static void pageHeaders(PageContext page, BiConsumer<CharSequence, CharSequence> put) {
        put.accept(CACHE_CONTROL, NO_STORE);
        put.accept(CONTENT_LANGUAGE, LANGUAGE_CODES.get(page.language()));
        put.accept(VARY, VARY_VALUE);
    }

    private static String first(Map<String, ? extends List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
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

        WebFilters.preferenceCookies(page, params, secure, c -> headers.add(HttpHeaders.SET_COOKIE, c.toString()));
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
            pageHeaders(page, (name, value) -> headers.putSingle(name.toString(), value.toString()));
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
