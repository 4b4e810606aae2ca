package io.haven.staff;

import io.haven.web.Flash;
import io.haven.web.FormErrors;
import io.haven.web.Forms;
import io.haven.web.HandlesStaleForm;
import io.haven.web.PageContext;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
    Forms forms;

    @Inject
    Flash flash;

    @Inject
    PageContext page;

    /** A district administrator as listed; {@code accepted} false while the invitation is open. */
    public record Row(String name, String email, boolean accepted) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance admins(List<Row> admins, DistrictAdminForm form, FormErrors errors);
    }

    @GET
    public TemplateInstance list() {
        session.requireDistrictAdmin();
        return page(new DistrictAdminForm(), forms.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @HandlesStaleForm
    public Response invite(@BeanParam DistrictAdminForm f) {
        Staff me = session.requireDistrictAdmin();
        FormErrors errors = forms.check(f.strip());
        if (errors.isEmpty()) {
            switch (service.inviteDistrictAdmin(me.id, f.email, f.displayName, page.language())) {
                case INVITED -> {
                    flash.next("ops_district_admins_invited");
                    return LoginResource.seeOther("/staff/district/admins");
                }
                case ALREADY -> errors.add("email", "ops_district_admins_error_already");
                case ACCOUNT_EXISTS -> errors.add("email", "ops_district_admins_error_account");
            }
        }
        return Response.status(400).entity(page(f, errors)).build();
    }

    private TemplateInstance page(DistrictAdminForm form, FormErrors errors) {
        List<Row> rows = StaffRole.<StaffRole>list("role = ?1 order by id", Role.DISTRICT_ADMIN).stream()
                .map(r -> Staff.<Staff>findById(r.staffId))
                .map(s -> new Row(s.displayName, s.email, s.passwordHash != null && s.active))
                .toList();
        return Templates.admins(rows, form, errors);
    }
}
