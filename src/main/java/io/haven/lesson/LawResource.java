package io.haven.lesson;

import io.haven.web.PageContext;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Collection;

/** The law of the reader's jurisdiction, each fact with its statute, source, how it was checked and when. */
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

    /** The review list moved to the staff side (it shows reviewers' notes): old links land there. */
    @GET
    @Path("/sources")
    public Response sources() {
        return Response.seeOther(URI.create("/staff/law/sources")).build();
    }

    @GET
    public TemplateInstance law() {
        var law = content.curriculum().law();
        return Templates.law(law.get(page.getJurisdiction()), law.values());
    }
}
