package io.haven.staff;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;

/** An administrator invites someone to their school. */
public class InviteForm {

    @RestForm
    @NotBlank(message = "staff_name_missing")
    @Size(max = 200, message = "staff_name_too_long")
    @jakarta.validation.constraints.Pattern(regexp = "\\P{Cntrl}*", message = "form_control_characters")
    public String displayName;

    @RestForm
    @NotBlank(message = "staff_email_missing")
    @Email(message = "staff_email_invalid")
    @Size(max = 320, message = "staff_email_invalid")
    public String email;

    /** The role boxes ticked (after {@link #strip}, only the school roles). */
    @RestForm
    @NotEmpty(message = "staff_admin_roles_missing")
    public List<String> roles = new ArrayList<>();

    /** Drops the spaces a paste brings and any role that is not a school role (before the check). */
    InviteForm strip() {
        displayName = LoginForm.trim(displayName);
        email = LoginForm.trim(email);
        roles = new ArrayList<>(schoolRoles(roles).stream().map(Role::name).toList());
        return this;
    }

    /** The school roles ticked; anything else sent is ignored. */
    Set<Role> roleSet() {
        return schoolRoles(roles);
    }

    /** The school roles (teacher, handler, administrator) among submitted values. */
    static Set<Role> schoolRoles(List<String> values) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        if (values != null) {
            for (String r : values) {
                for (Role role : List.of(Role.TEACHER, Role.HANDLER, Role.ADMIN)) {
                    if (role.name().equals(r)) {
                        out.add(role);
                    }
                }
            }
        }
        return out;
    }

    public boolean has(String role) {
        return roleSet().stream().anyMatch(r -> r.name().equals(role));
    }
}
