package io.haven.staff;

import jakarta.validation.constraints.NotBlank;
import org.jboss.resteasy.reactive.RestForm;

/** A second-factor code: from the authenticator app, or a recovery code. */
public class CodeForm {

    @RestForm
    @NotBlank(message = "staff_code_missing")
    public String code;

    /** Drops the spaces a paste brings (before the check). */
    CodeForm strip() {
        code = LoginForm.trim(code);
        return this;
    }
}
