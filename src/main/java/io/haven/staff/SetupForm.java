package io.haven.staff;

import io.haven.web.FormErrors;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/** First run: the first school and its administrator, or the first district administrator. */
public class SetupForm {

    /** The school fields, which a district setup leaves empty (its administrator creates schools later). */
    static final java.util.Set<String> SCHOOL_FIELDS =
            java.util.Set.of("schoolName", "slug", "jurisdiction", "language", "timeZone");

    /** The fields in page order, for problems found after the constraints. */
    static final java.util.List<String> ORDER = java.util.List.of(
            "kind",
            "schoolName",
            "slug",
            "jurisdiction",
            "language",
            "timeZone",
            "displayName",
            "email",
            "password",
            "confirmPassword");

    /** "school" (one school and its administrator) or "district" (a district administrator, no school yet). */
    @RestForm
    public String kind = "school";

    @RestForm
    @NotBlank(message = "staff_setup_school_name_missing")
    @Size(max = 200, message = "staff_name_too_long")
    @jakarta.validation.constraints.Pattern(regexp = "\\P{Cntrl}*", message = "form_control_characters")
    public String schoolName;

    @RestForm
    @NotBlank(message = "staff_setup_slug_invalid")
    @Pattern(regexp = "[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?", message = "staff_setup_slug_invalid")
    public String slug;

    @RestForm
    @NotBlank(message = "staff_setup_jurisdiction_missing")
    public String jurisdiction;

    @RestForm
    @NotBlank(message = "staff_setup_language_missing")
    @Pattern(regexp = "en|ko|fr", message = "staff_setup_language_missing")
    public String language;

    @RestForm
    @NotBlank(message = "staff_setup_time_zone_invalid")
    public String timeZone;

    @RestForm
    @StaffName
    public String displayName;

    @RestForm
    @StaffEmail
    public String email;

    @RestForm
    @NotBlank(message = "staff_password_missing")
    public String password;

    @RestForm
    @NotBlank(message = "staff_password_confirm_missing")
    public String confirmPassword;

    /** Drops the spaces a paste brings (never from a password) and reads the kind, before the check. */
    SetupForm strip() {
        kind = "district".equals(kind) ? "district" : "school";
        schoolName = LoginForm.trim(schoolName);
        slug = LoginForm.trim(slug);
        jurisdiction = LoginForm.trim(jurisdiction);
        language = LoginForm.trim(language);
        timeZone = LoginForm.trim(timeZone);
        displayName = LoginForm.trim(displayName);
        email = LoginForm.trim(email);
        return this;
    }

    /** A district's setup ignores the school fields: the problems of the others only. */
    FormErrors withoutSchoolFields(FormErrors errors, FormErrors none) {
        errors.keys().forEach((field, key) -> {
            if (!SCHOOL_FIELDS.contains(field)) {
                none.add(field, key);
            }
        });
        return none;
    }

    public boolean district() {
        return "district".equals(kind);
    }
}
