package io.haven.guide;

import io.haven.lesson.ContentCatalogue;
import io.haven.lesson.HelpDirectory;
import io.haven.lesson.LawSheet;
import io.haven.staff.StaffSession;
import io.haven.web.Clock;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;

/**
 * The review list of legal facts and help services, for signed-in staff: each with its source, how
 * it was checked, when, and the reviewer's note. Students see the plain-words status on /law and
 * /help; reviewer notes are written for reviewers and stay here.
 */
@Path("/staff/law/sources")
@Produces(MediaType.TEXT_HTML)
public class LawReviewResource {

    @Inject
    ContentCatalogue content;

    @Inject
    StaffSession session;

    @Inject
    Clock clock;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sources(
                Collection<LawSheet> all, Map<String, HelpDirectory> help, LocalDate today);
    }

    @GET
    public TemplateInstance sources() {
        session.requireSignedIn();
        if (session.roles().isEmpty()) {
            throw new NotFoundException();
        }
        var c = content.curriculum();
        return Templates.sources(c.law().values(), c.help(), LocalDate.ofInstant(clock.now(), ZoneOffset.UTC));
    }
}
