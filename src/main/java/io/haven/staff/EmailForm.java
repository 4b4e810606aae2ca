package io.haven.staff;

import org.jboss.resteasy.reactive.RestForm;

/** Asking for a password-reset link. */
public class EmailForm {

    @RestForm
    @StaffEmail
    public String email;

    /** Drops the spaces a paste brings (before the check). */
    EmailForm strip() {
        email = LoginForm.trim(email);
        return this;
    }
}
