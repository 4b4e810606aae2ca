package io.haven.staff;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.MultivaluedMap;

/** Asking for a password-reset link. */
public class EmailForm {

    @NotBlank(message = "staff_email_missing")
    @Email(message = "staff_email_invalid")
    @Size(max = 320, message = "staff_email_invalid")
    public String email;

    static EmailForm of(MultivaluedMap<String, String> form) {
        EmailForm f = new EmailForm();
        f.email = LoginForm.trim(form.getFirst("email"));
        return f;
    }
}
