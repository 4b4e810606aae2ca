package io.haven.staff;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** An administrator invites someone to their school. */
public class InviteForm {

    @NotBlank(message = "staff_name_missing")
    @Size(max = 200, message = "staff_name_too_long")
    @jakarta.validation.constraints.Pattern(regexp = "\\P{Cntrl}*", message = "form_control_characters")
    public String displayName;

    @NotBlank(message = "staff_email_missing")
    @Email(message = "staff_email_invalid")
    @Size(max = 320, message = "staff_email_invalid")
    public String email;

    @NotEmpty(message = "staff_admin_roles_missing")
    public Set<Role> roles = EnumSet.noneOf(Role.class);

    static InviteForm of(MultivaluedMap<String, String> form) {
        InviteForm f = new InviteForm();
        f.email = LoginForm.trim(form.getFirst("email"));
        f.displayName = LoginForm.trim(form.getFirst("displayName"));
        List<String> roles = form.get("roles");
        if (roles != null) {
            for (String r : roles) {
                for (Role role : List.of(Role.TEACHER, Role.HANDLER, Role.ADMIN)) {
                    if (role.name().equals(r)) {
                        f.roles.add(role);
                    }
                }
            }
        }
        return f;
    }

    public boolean has(String role) {
        return roles.stream().anyMatch(r -> r.name().equals(role));
    }
}
