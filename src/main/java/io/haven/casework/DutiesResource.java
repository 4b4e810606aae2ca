package io.haven.casework;

import io.haven.lesson.ContentCatalogue;
import io.haven.lesson.Duty;
import io.haven.lesson.LawSheet;
import io.haven.school.School;
import io.haven.staff.StaffSession;
import io.haven.web.Clock;
import io.haven.web.PageContext;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A school administrator's view of the legal duties Haven shows on the school's cases, as data: when
 * each applies, its deadline, statute, source, review date and status. A duty not checked for over
 * twelve months is flagged, by the same rule as the law facts.
 */
@Path("/staff/admin/duties")
@Produces(MediaType.TEXT_HTML)
public class DutiesResource {

    @Inject
    StaffSession session;

    @Inject
    ContentCatalogue content;

    @Inject
    Clock clock;

    @Inject
    PageContext page;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance duties(
                School school, String jurisdictionName, List<Duty> duties, LocalDate today);
    }

    @GET
    public TemplateInstance show(@QueryParam("school") Long schoolId) {
        School school = session.administered(schoolId);
        LawSheet law = content.curriculum().law().get(school.jurisdiction);
        return Templates.duties(
                school,
                law == null ? school.jurisdiction : law.name().in(page.language()),
                content.curriculum().dutiesOf(school.jurisdiction),
                LocalDate.ofInstant(clock.now(), ZoneId.of(school.timeZone)));
    }
}
