package io.haven.admin;

import io.haven.school.School;
import io.haven.web.FormErrors;
import io.haven.web.Jurisdictions;
import io.haven.web.Language;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A school's settings as typed: the settings page uses the common fields and the contact ones, the
 * district's new-school form the common fields, the slug and an optional first administrator.
 */
public class SchoolForm {

    static final Pattern SLUG = Pattern.compile("[a-z0-9-]{3,60}");
    static final Pattern PHONE = Pattern.compile("[0-9 +\\-]{1,20}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @RestForm
    public String name = "";

    @RestForm
    public String slug = "";

    @RestForm
    public String jurisdiction = "";

    @RestForm
    public String defaultLanguage = "";

    @RestForm
    public String timeZone = "";

    @RestForm
    public String emergencyNumber = "";

    @RestForm
    public String quickExitUrl = "";

    /** The checkbox as posted ("true" when ticked); {@link #stripped()} turns it into {@link #notifyCategory}. */
    @RestForm("notifyCategory")
    public String notifyCategoryBox;

    public boolean notifyCategory;

    @RestForm
    public String adminName = "";

    @RestForm
    public String adminEmail = "";

    /** The form as posted, made ready for the checks: every field stripped (absent ones empty), the box read. */
    SchoolForm stripped() {
        name = trim(name);
        slug = trim(slug);
        jurisdiction = trim(jurisdiction);
        defaultLanguage = trim(defaultLanguage);
        timeZone = trim(timeZone);
        emergencyNumber = trim(emergencyNumber);
        quickExitUrl = trim(quickExitUrl);
        notifyCategory = "true".equals(notifyCategoryBox);
        adminName = trim(adminName);
        adminEmail = trim(adminEmail);
        return this;
    }

    static SchoolForm of(School s) {
        SchoolForm f = new SchoolForm();
        f.name = s.name;
        f.slug = s.slug;
        f.jurisdiction = s.jurisdiction;
        f.defaultLanguage = s.defaultLanguage;
        f.timeZone = s.timeZone;
        f.emergencyNumber = s.emergencyNumber == null ? "" : s.emergencyNumber;
        f.quickExitUrl = s.quickExitUrl == null ? "" : s.quickExitUrl;
        f.notifyCategory = s.notifyCategory;
        return f;
    }

    /**
     * Adds the problems of the settings page, in the order of its fields (also the provisioning file's
     * checks, which is why they are here and not constraints read by the web pipeline).
     */
    FormErrors settingsErrors(FormErrors e) {
        common(e);
        if (!emergencyNumber.isEmpty()
                && (!PHONE.matcher(emergencyNumber).matches() || !emergencyNumber.matches(".*[0-9].*"))) {
            e.add("emergencyNumber", "admin_error_emergency");
        }
        if (!quickExitUrl.isEmpty() && !httpsUrl(quickExitUrl)) {
            e.add("quickExitUrl", "admin_error_quick_exit");
        }
        return e;
    }

    static boolean hasControl(String s) {
        return s.codePoints().anyMatch(Character::isISOControl);
    }

    /** Adds the problems of the new-school form (the slug's uniqueness included), in the order of its fields. */
    FormErrors newSchoolErrors(FormErrors e) {
        if (name.isEmpty()) {
            e.add("name", "admin_error_name_missing");
        } else if (name.length() > 200) {
            e.add("name", "admin_error_name_too_long");
        }
        if (!SLUG.matcher(slug).matches()) {
            e.add("slug", "admin_error_slug_invalid");
        } else if (School.findBySlug(slug).isPresent()) {
            e.add("slug", "admin_error_slug_taken");
        }
        common(e);
        if (!adminEmail.isEmpty()
                && (adminEmail.length() > 320 || !EMAIL.matcher(adminEmail).matches())) {
            e.add("adminEmail", "admin_error_admin_email");
        }
        if (!adminEmail.isEmpty() && adminName.isEmpty()) {
            e.add("adminName", "admin_error_admin_name");
        } else if (adminName.length() > 200) {
            e.add("adminName", "admin_error_name_too_long");
        } else if (hasControl(adminName)) {
            e.add("adminName", "admin_error_control_characters");
        }
        return e;
    }

    private void common(FormErrors e) {
        if (name.isEmpty()) {
            e.add("name", "admin_error_name_missing");
        } else if (name.length() > 200) {
            e.add("name", "admin_error_name_too_long");
        } else if (hasControl(name)) {
            // A line break in a school name once broke the mail headers it is written into.
            e.add("name", "admin_error_control_characters");
        }
        if (Jurisdictions.valid(jurisdiction) == null) {
            e.add("jurisdiction", "admin_error_jurisdiction");
        }
        if (Language.of(defaultLanguage).isEmpty()) {
            e.add("defaultLanguage", "admin_error_language");
        }
        if (!validZone(timeZone)) {
            e.add("timeZone", "admin_error_time_zone");
        }
    }

    /** Writes the common fields (valid ones: call after the checks). */
    void applyCommon(School s) {
        s.name = name;
        s.jurisdiction = Jurisdictions.valid(jurisdiction);
        s.defaultLanguage = Language.of(defaultLanguage).orElseThrow().code;
        s.timeZone = timeZone;
    }

    void applySettings(School s) {
        applyCommon(s);
        s.emergencyNumber = emergencyNumber.isEmpty() ? null : emergencyNumber;
        s.quickExitUrl = quickExitUrl.isEmpty() ? null : quickExitUrl;
        s.notifyCategory = notifyCategory;
    }

    /** An IANA zone id such as Europe/Paris (not an offset like +02:00). */
    static boolean validZone(String id) {
        return id != null && id.length() <= 60 && ZoneId.getAvailableZoneIds().contains(id);
    }

    static boolean httpsUrl(String url) {
        if (url.length() > 500 || !url.startsWith("https://")) {
            return false;
        }
        try {
            URI u = new URI(url);
            return "https".equals(u.getScheme())
                    && u.getHost() != null
                    && !u.getHost().isBlank()
                    && u.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String trim(String v) {
        return v == null ? "" : v.strip();
    }
}
