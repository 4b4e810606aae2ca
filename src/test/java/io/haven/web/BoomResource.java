package io.haven.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only endpoint that fails, to see what a visitor gets from a server error. */
@Path("/test-only/boom")
public class BoomResource {

    @GET
    public String boom() {
        throw new IllegalStateException("secret internal detail");
    }
}
