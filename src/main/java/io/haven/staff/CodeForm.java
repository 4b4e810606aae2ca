package io.haven.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.core.MultivaluedMap;

/** A second-factor code: from the authenticator app, or a recovery code. */
public class CodeForm {

    @NotBlank(message = "staff_code_missing")
    public String code;

    static CodeForm of(MultivaluedMap<String, String> form) {
        CodeForm f = new CodeForm();
        f.code = LoginForm.trim(form.getFirst("code"));
        return f;
    }
}
