package floor;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Produces;
import java.util.List;

/** A page rendered from the database, and a form post that writes a row: the work of the portal's pages in miniature. */
@Path("/")
public class FloorResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(List<Note> notes);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.page(Note.find("order by id desc").page(0, 20).list());
    }

    @POST
    @Transactional
    public Response write() {
        Note note = new Note();
        note.text = "a note";
        note.persist();
        return Response.status(303).header("Location", "/").build();
    }
}
