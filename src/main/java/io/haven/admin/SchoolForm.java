package io.haven.admin;

import io.haven.school.AdminMsg;
import io.haven.school.School;
import io.haven.web.Jurisdictions;
import io.haven.web.Language;
import io.haven.web.TextFormErrors;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * A school's settings as typed: the settings page uses the common fields and the contact ones, the
 * district's new-school form the common fields, the slug and an optional first administrator.
 */
public class SchoolForm {

    static final Pattern SLUG = Pattern.compile("[a-z0-9-]{3,60}");
    static final Pattern PHONE = Pattern.compile("[0-9 +\\-]{1,20}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public String name = "";
    public String slug = "";
    public String jurisdiction = "";
    public String defaultLanguage = "";
    public String timeZone = "";
    public String emergencyNumber = "";
    public String quickExitUrl = "";
    public boolean notifyCategory;
    public String adminName = "";
    public String adminEmail = "";

    static SchoolForm of(MultivaluedMap<String, String> form) {
        SchoolForm f = new SchoolForm();
        f.name = trim(form.getFirst("name"));
        f.slug = trim(form.getFirst("slug"));
        f.jurisdiction = trim(form.getFirst("jurisdiction"));
        f.defaultLanguage = trim(form.getFirst("defaultLanguage"));
        f.timeZone = trim(form.getFirst("timeZone"));
        f.emergencyNumber = trim(form.getFirst("emergencyNumber"));
        f.quickExitUrl = trim(form.getFirst("quickExitUrl"));
        f.notifyCategory = "true".equals(form.getFirst("notifyCategory"));
        f.adminName = trim(form.getFirst("adminName"));
        f.adminEmail = trim(form.getFirst("adminEmail"));
        return f;
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

    /** The problems of the settings page, in the order of its fields. */
    TextFormErrors settingsErrors(AdminMsg msg) {
        TextFormErrors e = new TextFormErrors();
        common(e, msg);
        if (!emergencyNumber.isEmpty()
                && (!PHONE.matcher(emergencyNumber).matches() || !emergencyNumber.matches(".*[0-9].*"))) {
            e.add("emergencyNumber", msg.admin_error_emergency());
        }
        if (!quickExitUrl.isEmpty() && !httpsUrl(quickExitUrl)) {
            e.add("quickExitUrl", msg.admin_error_quick_exit());
        }
        return e;
    }

    static boolean hasControl(String s) {
        return s.codePoints().anyMatch(Character::isISOControl);
    }

    /** The problems of the new-school form (the slug's uniqueness included), in the order of its fields. */
    TextFormErrors newSchoolErrors(AdminMsg msg) {
        TextFormErrors e = new TextFormErrors();
        if (name.isEmpty()) {
            e.add("name", msg.admin_error_name_missing());
        } else if (name.length() > 200) {
            e.add("name", msg.admin_error_name_too_long());
        }
        if (!SLUG.matcher(slug).matches()) {
            e.add("slug", msg.admin_error_slug_invalid());
        } else if (School.findBySlug(slug).isPresent()) {
            e.add("slug", msg.admin_error_slug_taken());
        }
        common(e, msg);
        if (!adminEmail.isEmpty()
                && (adminEmail.length() > 320 || !EMAIL.matcher(adminEmail).matches())) {
            e.add("adminEmail", msg.admin_error_admin_email());
        }
        if (!adminEmail.isEmpty() && adminName.isEmpty()) {
            e.add("adminName", msg.admin_error_admin_name());
        } else if (adminName.length() > 200) {
            e.add("adminName", msg.admin_error_name_too_long());
        } else if (hasControl(adminName)) {
            e.add("adminName", msg.admin_error_control_characters());
        }
        return e;
    }

    private void common(TextFormErrors e, AdminMsg msg) {
        if (name.isEmpty()) {
            e.add("name", msg.admin_error_name_missing());
        } else if (name.length() > 200) {
            e.add("name", msg.admin_error_name_too_long());
        } else if (hasControl(name)) {
            // A line break in a school name once broke the mail headers it is written into.
            e.add("name", msg.admin_error_control_characters());
        }
        if (Jurisdictions.valid(jurisdiction) == null) {
            e.add("jurisdiction", msg.admin_error_jurisdiction());
        }
        if (Language.of(defaultLanguage).isEmpty()) {
            e.add("defaultLanguage", msg.admin_error_language());
        }
        if (!validZone(timeZone)) {
            e.add("timeZone", msg.admin_error_time_zone());
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
