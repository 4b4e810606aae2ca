package io.haven.web;

import java.util.Locale;
import java.util.Optional;

/** The languages Haven speaks. English is the fallback for every text. */
public enum Language {
    EN("en"),
    KO("ko"),
    FR("fr");

    public final String code;
    public final Locale locale;
    /** The language as of()'s answer: every request resolves its language, so without a new Optional each time. */
    private final Optional<Language> optional;

    private static final Language[] ALL = values();

    Language(String code) {
        this.code = code;
        this.locale = Locale.forLanguageTag(code);
        this.optional = Optional.of(this);
    }

    public static Optional<Language> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim().toLowerCase(Locale.ROOT);
        for (Language l : ALL) {
            if (l.code.equals(c)) {
                return l.optional;
            }
        }
        return Optional.empty();
    }

    /**
     * Language resolution in one place: an explicit choice, then the preference cookie, then the
     * browser's Accept-Language, then English.
     */
    public static Language resolve(String query, String cookie, String acceptLanguage) {
        return of(query)
                .or(() -> of(cookie))
                .or(() -> fromAcceptLanguage(acceptLanguage))
                .orElse(EN);
    }

    static Optional<Language> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String tag = range.getRange();
                if (range.getWeight() <= 0 || tag.equals("*")) {
                    continue;
                }
                Optional<Language> l = of(tag.split("-")[0]);
                if (l.isPresent()) {
                    return l;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // A malformed header is the browser's problem; fall back to the default.
        }
        return Optional.empty();
    }
}
