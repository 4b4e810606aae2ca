package io.haven.casework;

import io.haven.web.ConflictMsg;
import io.haven.web.FormErrors;
import io.haven.web.Forms;
import io.haven.web.Messages;
import io.haven.web.PageContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The answer to a {@link CaseConflict}: 409 with the case page as it is now, an error at the top that says
 * what changed, and the user's text kept in its field.
 */
@ApplicationScoped
public class CaseConflictPage {

    private static final Logger LOG = Logger.getLogger(CaseConflictPage.class);

    @Inject
    CaseService cases;

    @Inject
    CaseWorkflow workflow;

    @Inject
    PageContext page;

    @Inject
    Forms forms;

    @ServerExceptionMapper
    public Response conflict(CaseConflict e) {
        LOG.infof("Case %d changed meanwhile: %s refused (409)", e.caseId, e.field);
        ConflictMsg m = Messages.conflict(page.language());
        DateTimeFormatter at = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(page.language().locale);
        String changes = e.changes.stream()
                .map(c -> c.what() == null
                        ? m.case_reporter_wrote(at.format(c.at()))
                        : m.case_change(c.who() == null ? m.case_someone() : c.who(), at.format(c.at()), c.what()))
                .collect(Collectors.joining("; "));
        FormErrors errors = forms.none().add(e.field, "case_changed", changes);
        return Response.status(409)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(CaseResource.Templates.show(
                        cases.view(e.caseId),
                        errors,
                        e.field.equals("note") ? e.text : "",
                        e.field.equals("message") ? e.text : "",
                        workflow.panel(e.caseId, WorkflowForm.empty())))
                .build();
    }
}
