package io.haven.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Test-only handlers that change state: one that forgot the stale-form mark (the filter alone must guard
 * it) and one that shows a stale form again.
 */
@Path("/test-only/csrf")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class CsrfFilterResource {

    static final AtomicInteger ACTED = new AtomicInteger();

    public static class NoteForm {
        @RestForm
        @jakarta.validation.constraints.NotBlank(message = "form_error_summary_title")
        public String note;
    }

    @Inject
    Forms forms;

    @POST
    @Path("/unmarked")
    public String unmarked(@BeanParam NoteForm form) {
        ACTED.incrementAndGet();
        return "acted on " + form.note;
    }

    @POST
    @Path("/marked")
    @HandlesStaleForm
    public String marked(@BeanParam NoteForm form) {
        FormErrors errors = forms.check(form);
        if (errors.isPresent()) {
            return "again " + errors.keys() + " keeping " + form.note;
        }
        ACTED.incrementAndGet();
        return "acted on " + form.note;
    }
}
