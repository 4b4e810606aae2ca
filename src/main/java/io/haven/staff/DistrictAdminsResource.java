package io.haven.staff;

import io.haven.web.Csrf;
import io.haven.web.Flash;
import io.haven.web.Messages;
import io.haven.web.PageContext;
import io.haven.web.TextFormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** District administrators: who they are, and inviting another one (who accepts by choosing a password). */
@Path("/staff/district/admins")
@Produces(MediaType.TEXT_HTML)
public class DistrictAdminsResource {

    @Inject
    StaffSession session;

    @Inject
    StaffService service;

    @Inject
    Csrf csrf;

    @Inject
    Flash flash;

    @Inject
    PageContext page;

    /** A district administrator as listed; {@code accepted} false while the invitation is open. */
    public record Row(String name, String email, boolean accepted) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance admins(List<Row> admins, String name, String email, TextFormErrors errors);
    }

    @GET
    public TemplateInstance list() {
        session.requireDistrictAdmin();
        return page("", "", new TextFormErrors());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(MultivaluedMap<String, String> form) {
        Staff me = session.requireDistrictAdmin();
        String name = LoginForm.trim(form.getFirst("displayName"));
        String email = LoginForm.trim(form.getFirst("email"));
        name = name == null ? "" : name;
        email = email == null ? "" : email;
        OpsMsg msg = Messages.get(OpsMsg.class, page.language());
        if (!csrf.accepts(form.getFirst(Csrf.FIELD))) {
            csrf.renew();
            return Response.status(400)
                    .entity(page(
                            name,
                            email,
                            new TextFormErrors()
                                    .add(
                                            "displayName",
                                            Messages.in(page.language()).form_csrf_expired())))
                    .build();
        }
        TextFormErrors errors = new TextFormErrors();
        if (name.isBlank() || name.length() > 200) {
            errors.add("displayName", msg.ops_district_admins_error_name());
        }
        if (email.length() > 320 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add("email", msg.ops_district_admins_error_email());
        }
        if (errors.isEmpty()) {
            switch (service.inviteDistrictAdmin(me.id, email, name, page.language())) {
                case INVITED -> {
                    flash.next("ops_district_admins_invited");
                    return LoginResource.seeOther("/staff/district/admins");
                }
                case ALREADY -> errors.add("email", msg.ops_district_admins_error_already());
                case ACCOUNT_EXISTS -> errors.add("email", msg.ops_district_admins_error_account());
            }
        }
        return Response.status(400).entity(page(name, email, errors)).build();
    }

    private TemplateInstance page(String name, String email, TextFormErrors errors) {
        List<Row> rows = StaffRole.<StaffRole>list("role = ?1 order by id", Role.DISTRICT_ADMIN).stream()
                .map(r -> Staff.<Staff>findById(r.staffId))
                .map(s -> new Row(s.displayName, s.email, s.passwordHash != null && s.active))
                .toList();
        return Templates.admins(rows, name, email, errors);
    }
}
