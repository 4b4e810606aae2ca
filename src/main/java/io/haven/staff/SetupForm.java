package io.haven.staff;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.MultivaluedMap;

/** First run: the first school and its administrator, or the first district administrator. */
public class SetupForm {

    /** The school fields, which a district setup leaves empty (its administrator creates schools later). */
    static final java.util.Set<String> SCHOOL_FIELDS =
            java.util.Set.of("schoolName", "slug", "jurisdiction", "language", "timeZone");

    /** "school" (one school and its administrator) or "district" (a district administrator, no school yet). */
    public String kind = "school";

    @NotBlank(message = "staff_setup_school_name_missing")
    @Size(max = 200, message = "staff_name_too_long")
    @jakarta.validation.constraints.Pattern(regexp = "\\P{Cntrl}*", message = "form_control_characters")
    public String schoolName;

    @NotBlank(message = "staff_setup_slug_invalid")
    @Pattern(regexp = "[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?", message = "staff_setup_slug_invalid")
    public String slug;

    @NotBlank(message = "staff_setup_jurisdiction_missing")
    public String jurisdiction;

    @NotBlank(message = "staff_setup_language_missing")
    @Pattern(regexp = "en|ko|fr", message = "staff_setup_language_missing")
    public String language;

    @NotBlank(message = "staff_setup_time_zone_invalid")
    public String timeZone;

    @NotBlank(message = "staff_name_missing")
    @Size(max = 200, message = "staff_name_too_long")
    @jakarta.validation.constraints.Pattern(regexp = "\\P{Cntrl}*", message = "form_control_characters")
    public String displayName;

    @NotBlank(message = "staff_email_missing")
    @Email(message = "staff_email_invalid")
    @Size(max = 320, message = "staff_email_invalid")
    public String email;

    @NotBlank(message = "staff_password_missing")
    public String password;

    @NotBlank(message = "staff_password_confirm_missing")
    public String confirmPassword;

    static SetupForm of(MultivaluedMap<String, String> form) {
        SetupForm f = new SetupForm();
        f.kind = "district".equals(form.getFirst("kind")) ? "district" : "school";
        f.schoolName = LoginForm.trim(form.getFirst("schoolName"));
        f.slug = LoginForm.trim(form.getFirst("slug"));
        f.jurisdiction = LoginForm.trim(form.getFirst("jurisdiction"));
        f.language = LoginForm.trim(form.getFirst("language"));
        f.timeZone = LoginForm.trim(form.getFirst("timeZone"));
        f.displayName = LoginForm.trim(form.getFirst("displayName"));
        f.email = LoginForm.trim(form.getFirst("email"));
        f.password = form.getFirst("password");
        f.confirmPassword = form.getFirst("confirmPassword");
        return f;
    }

    public boolean district() {
        return "district".equals(kind);
    }
}
