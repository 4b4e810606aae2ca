package io.haven.staff;

import io.haven.web.FormErrors;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** Choosing a password: accepting an invitation (with a name), a reset link, or a change (with the current one). */
public class NewPasswordForm {

    /** The fields in page order, for problems found after the constraints. */
    static final List<String> ORDER = List.of("displayName", "currentPassword", "newPassword", "confirmPassword");

    @RestForm
    @Size(max = 200, message = "staff_name_too_long")
    @jakarta.validation.constraints.Pattern(regexp = "\\P{Cntrl}*", message = "form_control_characters")
    public String displayName;

    @RestForm
    public String currentPassword;

    @RestForm
    @NotBlank(message = "staff_password_missing")
    public String newPassword;

    @RestForm
    @NotBlank(message = "staff_password_confirm_missing")
    public String confirmPassword;

    /** Drops the spaces a paste brings around the name (never touches a password), before the check. */
    NewPasswordForm strip() {
        displayName = LoginForm.trim(displayName);
        return this;
    }

    /**
     * The checks every new password gets after the constraints ({@code errors} from
     * {@code Forms.check}): strong enough, typed the same twice. A stale form reports nothing else.
     */
    FormErrors problems(FormErrors errors, PasswordHasher passwords, Staff owner) {
        if (errors.isStale()) {
            return errors;
        }
        if (!errors.has("newPassword")) {
            String weak =
                    passwords.weakness(newPassword, owner.email, displayName != null ? displayName : owner.displayName);
            if (weak != null) {
                errors.add("newPassword", weak);
            }
        }
        if (!errors.has("newPassword") && !errors.has("confirmPassword") && !newPassword.equals(confirmPassword)) {
            errors.add("confirmPassword", "staff_password_mismatch");
        }
        return errors.inOrder(ORDER);
    }

    /** Adds a problem found by the resource (a missing name or current password), keeping page order. */
    FormErrors add(FormErrors errors, String field, String key) {
        return errors.isStale() ? errors : errors.add(field, key).inOrder(ORDER);
    }
}
