package io.haven.lesson;

import io.haven.web.PageContext;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The home page: choose language and age band, see the featured modules for that band. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @Inject
    ContentCatalogue content;

    @Inject
    PageContext page;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<Lesson> featured, HelpDirectory help);
    }

    @GET
    public TemplateInstance home() {
        List<Lesson> featured = page.chosenBand()
                .map(b -> content.curriculum().forBand(b).stream()
                        .filter(LessonModule::featured)
                        .map(m -> m.lesson(b, page.language()).orElseThrow())
                        .toList())
                .orElse(List.of());
        return Templates.home(
                featured, HelpDirectory.forReader(content.curriculum().help(), page));
    }
}
