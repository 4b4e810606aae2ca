package io.haven.staff;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/** Asking for a password-reset link. */
public class EmailForm {

    @RestForm
    @NotBlank(message = "staff_email_missing")
    @Email(message = "staff_email_invalid")
    @Size(max = 320, message = "staff_email_invalid")
    public String email;

    /** Drops the spaces a paste brings (before the check). */
    EmailForm strip() {
        email = LoginForm.trim(email);
        return this;
    }
}
