package io.haven.lesson;

import io.haven.web.PageContext;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
    }

    @GET
    public TemplateInstance law() {
        var law = content.curriculum().law();
        return Templates.law(law.get(page.getJurisdiction()), law.values());
    }
}
