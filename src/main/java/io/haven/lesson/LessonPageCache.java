package io.haven.lesson;

import io.haven.web.Csrf;
import io.haven.web.Flash;
import io.haven.web.PageContext;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Lesson pages rendered once and served as bytes. The curriculum is immutable after start-up, so a
 * lesson page is the same for every reader with the same module, band, language, jurisdiction, school
 * link and quick-exit address; only the CSRF token of the quiz form differs. The page is kept as UTF-8
 * byte slices split where the token goes, and each request joins them around its own token.
 * <p>
 * Rendering the 20 KB page through Qute (and encoding its Korean text) was more than half of a lesson
 * request's CPU (JFR, docs/benchmarks.md). Only plain GETs are cached: a flash message, a query
 * parameter other than band/lang/jurisdiction, or anything not a lesson page renders as before.
 * The number of entries is bounded, so odd addresses cannot grow it without limit.
 */
@ApplicationScoped
public class LessonPageCache {

    /** Far above modules x bands x languages x jurisdictions x schools in real use. */
    static final int MAX_ENTRIES = 4096;

    private static final Set<String> KNOWN_PARAMS = Set.of("band", "lang", "jurisdiction");

    @Inject
    PageContext page;

    @Inject
    Csrf csrf;

    @Inject
    Flash flash;

    private final Map<String, byte[][]> pages = new ConcurrentHashMap<>();

    /**
     * The page for this request: from the cache when it can be, else rendered (and kept when it can be).
     * {@code query} is the request's query parameters.
     */
    public byte[] page(String moduleId, Map<String, ? extends List<String>> query, Supplier<TemplateInstance> render) {
        String key = key(moduleId, query);
        if (key == null) {
            return render.get().render().getBytes(StandardCharsets.UTF_8);
        }
        byte[][] parts = pages.get(key);
        if (parts == null) {
            String html = render.get().render();
            parts = split(html, csrf.getToken());
            if (parts == null) {
                return html.getBytes(StandardCharsets.UTF_8);
            }
            if (pages.size() < MAX_ENTRIES) {
                pages.putIfAbsent(key, parts);
            }
        }
        return join(parts, csrf.getToken().getBytes(StandardCharsets.US_ASCII));
    }

    int size() {
        return pages.size();
    }

    /** Null when this request's page must not be shared. */
    String key(String moduleId, Map<String, ? extends List<String>> query) {
        return key(moduleId, page, query, flash.isPresent());
    }

    /** The page kept for a key, split around the token; null when none is kept yet. */
    byte[][] kept(String key) {
        return pages.get(key);
    }

    /**
     * The key of a reader's page (null when it must not be shared), from the reader as the request
     * resolved them; {@code flashShown}: the page carries a one-time message.
     */
    static String key(
            String moduleId, PageContext page, Map<String, ? extends List<String>> query, boolean flashShown) {
        if (flashShown || !KNOWN_PARAMS.containsAll(query.keySet())) {
            return null;
        }
        for (List<String> v : query.values()) {
            if (v.size() != 1) {
                return null;
            }
        }
        // The language, band and jurisdiction as resolved (cookie, header or parameter), and the address the
        // switches' links repeat (school prefix and path: langUrl drops the three parameters).
        StringBuilder k = new StringBuilder(160)
                .append(moduleId)
                .append('|')
                .append(page.getBand())
                .append('|')
                .append(page.getLang())
                .append('|')
                .append(page.getJurisdiction())
                .append('|')
                .append(page.getQuickExitUrl())
                .append('|')
                .append(page.langUrl("en"));
        return k.toString();
    }

    /** The page in UTF-8 slices around each place the token was written; null if it was not written. */
    static byte[][] split(String html, String token) {
        String[] pieces = html.split(Pattern.quote(token), -1);
        if (pieces.length < 2) {
            return null;
        }
        byte[][] parts = new byte[pieces.length][];
        for (int i = 0; i < pieces.length; i++) {
            parts[i] = pieces[i].getBytes(StandardCharsets.UTF_8);
        }
        return parts;
    }

    static byte[] join(byte[][] parts, byte[] token) {
        int n = token.length * (parts.length - 1);
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                System.arraycopy(token, 0, out, at, token.length);
                at += token.length;
            }
            System.arraycopy(parts[i], 0, out, at, parts[i].length);
            at += parts[i].length;
        }
        return out;
    }
}
