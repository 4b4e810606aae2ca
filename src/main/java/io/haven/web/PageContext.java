package io.haven.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What every page needs to know about the current request: language, age band, jurisdiction, the
 * school of a per-school link, and the URL to rebuild for the language and band switches. Filled by
 * {@link WebFilters}; templates read it as {@code inject:page}.
 */
@RequestScoped
@Named("page")
public class PageContext {

    private Language language = Language.EN;
    private Band band;
    private String jurisdiction;
    private String schoolSlug;
    private String path = "/";
    private Map<String, String> query = new LinkedHashMap<>();
    private boolean reportRoute;
    private String quickExitUrl;
    private String emergencyNumber;
    final List<String> cookiesToSet = new ArrayList<>();

    public Language language() {
        return language;
    }

    public String getLang() {
        return language.code;
    }

    public Locale locale() {
        return language.locale;
    }

    public Optional<Band> chosenBand() {
        return Optional.ofNullable(band);
    }

    public String getBand() {
        return band == null ? "" : band.id;
    }

    public boolean isBandChosen() {
        return band != null;
    }

    public String getJurisdiction() {
        return jurisdiction;
    }

    public Optional<String> schoolSlug() {
        return Optional.ofNullable(schoolSlug);
    }

    /** Path prefix that keeps a visitor on their school's links ("/s/demo" or ""). */
    public String getBase() {
        return schoolSlug == null ? "" : "/s/" + schoolSlug;
    }

    public boolean isReportRoute() {
        return reportRoute;
    }

    public String getQuickExitUrl() {
        return quickExitUrl;
    }

    /** Dates and times written the way the reader's language writes them. */
    public java.time.format.DateTimeFormatter getDateTimeFormat() {
        return DATE_TIME_FORMATS.get(language);
    }

    /** Built once per language: a list of 200 cases asks for it on every row. */
    private static final Map<Language, java.time.format.DateTimeFormatter> DATE_TIME_FORMATS = java.util.Arrays.stream(
                    Language.values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(
                    l -> l,
                    l -> java.time.format.DateTimeFormatter.ofLocalizedDateTime(
                                    java.time.format.FormatStyle.MEDIUM, java.time.format.FormatStyle.SHORT)
                            .withLocale(l.locale)));

    public Band[] getBands() {
        return Band.values();
    }

    public Language[] getLanguages() {
        return Language.values();
    }

    /** The current page in another language. */
    public String langUrl(String code) {
        return withParam("lang", code);
    }

    /** The current page for another age band. */
    public String bandUrl(String id) {
        return withParam("band", id);
    }

    public String jurisdictionUrl(String id) {
        return withParam("jurisdiction", id);
    }

    private String withParam(String name, String value) {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put(name, value);
        StringBuilder sb = new StringBuilder(getBase()).append(path).append('?');
        q.forEach((k, v) -> sb.append(enc(k)).append('=').append(enc(v)).append('&'));
        return sb.substring(0, sb.length() - 1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // --- set by the filters and by resources that answer a POST with a page of their own ---

    void setLanguage(Language language) {
        this.language = language;
    }

    public void setBand(Band band) {
        this.band = band;
    }

    void setJurisdiction(String jurisdiction) {
        this.jurisdiction = jurisdiction;
    }

    void setSchoolSlug(String schoolSlug) {
        this.schoolSlug = schoolSlug;
    }

    void setReportRoute(boolean reportRoute) {
        this.reportRoute = reportRoute;
    }

    /** The school's own emergency number, when the page is for that school and shows its jurisdiction; else null. */
    public String getEmergencyNumber() {
        return emergencyNumber;
    }

    void setEmergencyNumber(String emergencyNumber) {
        this.emergencyNumber = emergencyNumber;
    }

    /**
     * The school's emergency number and quick-exit target as just read from the database, replacing what
     * the request filter took from this node's school cache: safety settings are never as old as the cache may be.
     */
    public void useFreshSafetySettings(String schoolJurisdiction, String number, String schoolQuickExitUrl) {
        this.emergencyNumber =
                schoolJurisdiction.equals(jurisdiction) && number != null && !number.isBlank() ? number : null;
        if (schoolQuickExitUrl != null && !schoolQuickExitUrl.isBlank()) {
            this.quickExitUrl = schoolQuickExitUrl;
        }
    }

    void setQuickExitUrl(String quickExitUrl) {
        this.quickExitUrl = quickExitUrl;
    }

    /** The path of the page (without query), for the staff navigation's current section. */
    public String getPath() {
        return path;
    }

    /** The GET page the language and band switches point at (a POST result points back at its form). */
    public void setPath(String path, Map<String, String> query) {
        this.path = path;
        this.query = new LinkedHashMap<>(query);
        this.query.remove("lang");
        this.query.remove("band");
        this.query.remove("jurisdiction");
    }

    /** The school of a per-school link decides the jurisdiction, unless the visitor picked one. */
    public void schoolJurisdiction(String schoolJurisdiction, boolean visitorChose) {
        if (!visitorChose) {
            this.jurisdiction = schoolJurisdiction;
        }
    }
}
