package io.haven.staff;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Map;

/** Choosing a password: accepting an invitation (with a name), a reset link, or a change (with the current one). */
public class NewPasswordForm {

    @Size(max = 200, message = "staff_name_too_long")
    @jakarta.validation.constraints.Pattern(regexp = "\\P{Cntrl}*", message = "form_control_characters")
    public String displayName;

    public String currentPassword;

    @NotBlank(message = "staff_password_missing")
    public String newPassword;

    @NotBlank(message = "staff_password_confirm_missing")
    public String confirmPassword;

    /** The checks every new password gets: present, strong enough, typed the same twice. */
    Map<String, String> problems(Validator validator, PasswordHasher passwords, Staff owner) {
        Map<String, String> errors = FormErrors.of(this, validator.validate(this));
        if (!errors.containsKey("newPassword")) {
            String weak =
                    passwords.weakness(newPassword, owner.email, displayName != null ? displayName : owner.displayName);
            if (weak != null) {
                FormErrors.add(errors, this, "newPassword", weak);
            }
        }
        if (!errors.containsKey("newPassword")
                && !errors.containsKey("confirmPassword")
                && !newPassword.equals(confirmPassword)) {
            FormErrors.add(errors, this, "confirmPassword", "staff_password_mismatch");
        }
        return errors;
    }

    static NewPasswordForm of(MultivaluedMap<String, String> form) {
        NewPasswordForm f = new NewPasswordForm();
        f.displayName = LoginForm.trim(form.getFirst("displayName"));
        f.currentPassword = form.getFirst("currentPassword");
        f.newPassword = form.getFirst("newPassword");
        f.confirmPassword = form.getFirst("confirmPassword");
        return f;
    }
}
