package io.haven.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Error pages in the visitor's language. A 500 shows an error id that is also in the log, and never
 * a stack trace. Anything not found (including another school's data and a malformed id) is a 404.
 */
@ApplicationScoped
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    @CheckedTemplate(basePath = "error")
    static class Templates {
        static native TemplateInstance notFound();

        static native TemplateInstance status(int status);

        static native TemplateInstance serverError(String errorId);
    }

    public Response notFoundResponse() {
        return Response.status(404).type(HTML).entity(Templates.notFound()).build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return notFoundResponse();
    }

    @ServerExceptionMapper
    public Response clientError(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 404) {
            return notFoundResponse();
        }
        if (status < 500) {
            Response.ResponseBuilder rb = Response.status(status).type(HTML).entity(Templates.status(status));
            e.getResponse().getHeaders().forEach((k, v) -> {
                if (k.equalsIgnoreCase("Allow") || k.equalsIgnoreCase("Location")) {
                    v.forEach(x -> rb.header(k, x));
                }
            });
            return rb.build();
        }
        return serverError(e);
    }

    @ServerExceptionMapper
    public Response busy(BusyException e) {
        return Response.status(503)
                .type(HTML)
                .header("Retry-After", e.retryAfterSeconds())
                .entity(Templates.status(503))
                .build();
    }

    @ServerExceptionMapper
    public Response serverError(Throwable e) {
        String id = HexFormat.of().formatHex(randomBytes());
        LOG.errorf(e, "Error %s while serving a request", id);
        return Response.status(500).type(HTML).entity(Templates.serverError(id)).build();
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return b;
    }
}
