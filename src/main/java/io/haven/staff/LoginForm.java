package io.haven.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.core.MultivaluedMap;

/** The sign-in form. */
public class LoginForm {

    @NotBlank(message = "staff_login_email_missing")
    public String email;

    @NotBlank(message = "staff_login_password_missing")
    public String password;

    static LoginForm of(MultivaluedMap<String, String> form) {
        LoginForm f = new LoginForm();
        f.email = trim(form.getFirst("email"));
        f.password = form.getFirst("password");
        return f;
    }

    static String trim(String s) {
        return s == null ? null : s.strip();
    }
}
