package io.haven.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * The one CSRF check: every request that may change state (anything but GET, HEAD and OPTIONS) must carry
 * a form field {@value Csrf#FIELD} that {@link Csrf} accepts. A failure on a method marked
 * {@link HandlesStaleForm} is recorded for the method to show the form again; on any other method it
 * ends with 403. A body with a field that has no name ({@code =}, {@code &=&}) is refused first, as
 * garbled ({@link MalformedForms}).
 */
public class CsrfFilter {

    private static final Logger LOG = Logger.getLogger(CsrfFilter.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    Csrf csrf;

    @WithFormRead
    @ServerRequestFilter
    public Response check(ResteasyReactiveContainerRequestContext request, SimpleResourceInfo resource) {
        if (SAFE.contains(request.getMethod())) {
            return null;
        }
        ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
        if (MalformedForms.foreignCharset(request.getMediaType())) {
            return MalformedForms.refused("a charset other than UTF-8 or ASCII/Latin-1");
        }
        if (MalformedForms.hasUnnamedField(context.getFormData())) {
            return MalformedForms.refused("a field without a name");
        }
        Object token = context.getFormParameter(Csrf.FIELD, true, false);
        if (token instanceof String submitted && csrf.accepts(submitted)) {
            return null;
        }
        csrf.reject();
        if (resource.getResourceClass() != null && handlesStaleForm(resource)) {
            return null;
        }
        LOG.debugf("Refused a request with a stale or missing form token: 403");
        return Response.status(Response.Status.FORBIDDEN)
                .type(ErrorPages.HTML)
                .entity(ErrorPages.Templates.status(403))
                .build();
    }

    private static boolean handlesStaleForm(SimpleResourceInfo resource) {
        try {
            return resource.getResourceClass()
                    .getMethod(resource.getMethodName(), resource.parameterTypes())
                    .isAnnotationPresent(HandlesStaleForm.class);
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
