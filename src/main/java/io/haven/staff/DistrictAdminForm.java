package io.haven.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jboss.resteasy.reactive.RestForm;

/** A district administrator invites another. */
public class DistrictAdminForm {

    @RestForm
    @NotBlank(message = "ops_district_admins_error_name")
    @Size(max = 200, message = "ops_district_admins_error_name")
    public String displayName = "";

    @RestForm
    @NotBlank(message = "ops_district_admins_error_email")
    @Size(max = 320, message = "ops_district_admins_error_email")
    @Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "ops_district_admins_error_email")
    public String email = "";

    /** Drops the spaces a paste brings (before the check); a missing field is empty. */
    DistrictAdminForm strip() {
        displayName = displayName == null ? "" : displayName.strip();
        email = email == null ? "" : email.strip();
        return this;
    }
}
