package io.haven.staff;

import jakarta.validation.constraints.NotEmpty;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;

/** An administrator invites someone to their school. */
public class InviteForm {

    @RestForm
    @StaffName
    public String displayName;

    @RestForm
    @StaffEmail
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
