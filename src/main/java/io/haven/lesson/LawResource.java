package io.haven.lesson;

import io.haven.web.Clock;
import io.haven.web.PageContext;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;

/** The law of the reader's jurisdiction, each fact with its statute, source and review date. */
@Path("/law")
@Produces(MediaType.TEXT_HTML)
public class LawResource {

    @Inject
    ContentCatalogue content;

    @Inject
    PageContext page;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance law(LawSheet sheet, Collection<LawSheet> all);

        static native TemplateInstance sources(Collection<LawSheet> all, LocalDate today);
    }

    @Inject
    Clock clock;

    /** Every legal fact with its source and review date, so a school sees what is due for review. */
    @GET
    @Path("/sources")
    public TemplateInstance sources() {
        return Templates.sources(content.curriculum().law().values(), LocalDate.ofInstant(clock.now(), ZoneOffset.UTC));
    }

    @GET
    public TemplateInstance law() {
        var law = content.curriculum().law();
        return Templates.law(law.get(page.getJurisdiction()), law.values());
    }
}
