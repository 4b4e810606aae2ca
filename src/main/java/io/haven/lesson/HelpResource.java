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

/**
 * Hotlines and takedown services for the reader's jurisdiction, emergency number first; when the reader
 * chose an age band, only the services for those ages, children's lines first for 5-7 and 8-10.
 */
@Path("/help")
@Produces(MediaType.TEXT_HTML)
public class HelpResource {

    @Inject
    ContentCatalogue content;

    @Inject
    PageContext page;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance help(HelpDirectory directory, Collection<LawSheet> jurisdictions);
    }

    @GET
    public TemplateInstance help() {
        var c = content.curriculum();
        return Templates.help(HelpDirectory.forReader(c.help(), page), c.law().values());
    }
}
