package io.haven.web;

import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A garbled form body (a lone or broken {@code %} escape, a charset nobody speaks, a field without a
 * name) is the sender's fault:
 * the framework's form parser throws {@link IllegalArgumentException} for it, which would otherwise become
 * a 500 with a stack trace. It is answered 400 with one short log line. Any other
 * {@code IllegalArgumentException} is a fault of ours and stays a 500.
 */
public class MalformedForms {

    private static final Logger LOG = Logger.getLogger(MalformedForms.class);
    private static final String PARSER = "org.jboss.resteasy.reactive.server.core.multipart.FormEncodedDataDefinition";
    private static final String BODY_HANDLER = "org.jboss.resteasy.reactive.server.handlers.FormBodyHandler";

    @jakarta.inject.Inject
    ErrorPages errors;

    @ServerExceptionMapper
    public Response malformed(IllegalArgumentException e) {
        if (fromFormParser(e)) {
            return refused(e.getClass().getSimpleName());
        }
        return errors.serverError(e);
    }

    private static final java.util.Set<String> CHARSETS = java.util.Set.of("utf-8", "utf8", "us-ascii", "iso-8859-1");

    /** A form said to be in a charset Haven does not read (the framework's parser reads it as UTF-8). */
    static boolean foreignCharset(jakarta.ws.rs.core.MediaType type) {
        String named = type == null ? null : type.getParameters().get(jakarta.ws.rs.core.MediaType.CHARSET_PARAMETER);
        return named != null && !CHARSETS.contains(named.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /** A field without a name, which the framework's parser lets through. */
    static boolean hasUnnamedField(org.jboss.resteasy.reactive.server.core.multipart.FormData form) {
        if (form == null) {
            return false;
        }
        for (String name : form) {
            if (name == null || name.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    static Response refused(String why) {
        LOG.infof("Refused a malformed form body (%s): 400", why);
        return Response.status(400)
                .type(ErrorPages.HTML)
                .entity(ErrorPages.Templates.status(400))
                .build();
    }

    static boolean fromFormParser(Throwable e) {
        return Arrays.stream(e.getStackTrace())
                .anyMatch(f ->
                        f.getClassName().startsWith(PARSER) || f.getClassName().equals(BODY_HANDLER));
    }
}
