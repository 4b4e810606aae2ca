package io.haven.web;

/** Builds the Set-Cookie values Haven sends, so every cookie carries the same protections. */
public final class Cookies {

    public static final String LANGUAGE = "haven_lang";
    public static final String BAND = "haven_band";
    public static final String JURISDICTION = "haven_jurisdiction";
    public static final String CSRF = "haven_csrf";
    /** The CSRF cookie's name when cookies are Secure: the prefix stops a sibling host or plain HTTP from setting it. */
    public static final String CSRF_HOST = "__Host-haven_csrf";

    public static final String FLASH = "haven_flash";

    private static final int ONE_YEAR = 365 * 24 * 3600;

    private Cookies() {}

    /** A lasting preference (language, band): nothing personal, so Lax is enough for links from elsewhere. */
    public static String preference(String name, String value, boolean secure) {
        return preference(name, value, secure, "/");
    }

    /** A lasting cookie sent only to the pages under {@code path}, so no other route ever receives it. */
    public static String preference(String name, String value, boolean secure, String path) {
        return build(name, value, ONE_YEAR, "Lax", secure, path);
    }

    /** A cookie that lives as long as the browser session and is never sent cross-site. */
    public static String session(String name, String value, boolean secure) {
        return build(name, value, -1, "Strict", secure, "/");
    }

    public static String expire(String name, boolean secure) {
        return expire(name, secure, "/");
    }

    /** Ends the cookie of that name set for exactly {@code path}: a browser keeps one cookie per name and path. */
    public static String expire(String name, boolean secure, String path) {
        return build(name, "", 0, "Strict", secure, path);
    }

    private static String build(String name, String value, int maxAge, String sameSite, boolean secure, String path) {
        StringBuilder sb = new StringBuilder(name)
                .append('=')
                .append(value)
                .append("; Path=")
                .append(path)
                .append("; HttpOnly; SameSite=")
                .append(sameSite);
        if (maxAge >= 0) {
            sb.append("; Max-Age=").append(maxAge);
        }
        if (secure) {
            sb.append("; Secure");
        }
        return sb.toString();
    }
}
