package io.haven.staff;

import jakarta.validation.constraints.NotBlank;
import org.jboss.resteasy.reactive.RestForm;

/** The sign-in form. */
public class LoginForm {

    @RestForm
    @NotBlank(message = "staff_login_email_missing")
    public String email;

    @RestForm
    @NotBlank(message = "staff_login_password_missing")
    public String password;

    /** The e-mail as typed, without the spaces a paste brings. */
    String account() {
        return trim(email);
    }

    static String trim(String s) {
        return s == null ? null : s.strip();
    }
}
