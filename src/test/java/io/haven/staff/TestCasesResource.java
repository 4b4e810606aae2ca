package io.haven.staff;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only stand-in for a handler's case page: guarded the way the real one must be. */
@Path("/staff/test-only/cases/{school}")
public class TestCasesResource {

    @Inject
    StaffSession staff;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String cases(@PathParam("school") long school) {
        Staff me = staff.requireRole(school, Role.HANDLER, Role.ADMIN);
        return "cases of school " + school + " for " + me.email;
    }
}
