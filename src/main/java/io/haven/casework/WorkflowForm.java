package io.haven.casework;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;

/** What the workflow forms of a case page hold (closing, referral, linking), kept when one is refused. */
public record WorkflowForm(
        String outcome,
        String reason,
        String duplicate,
        String kind,
        String reference,
        String reasonNone,
        String link,
        String message) {

    /** message: the closing message to the reporter; null when the form had no such field (the page prefills it). */
    public static WorkflowForm empty() {
        return new WorkflowForm("", "", "", "", "", "", "", null);
    }

    public static WorkflowForm of(MultivaluedMap<String, String> form) {
        return new WorkflowForm(
                text(form, "outcome"),
                text(form, "reason"),
                text(form, "duplicate"),
                text(form, "kind"),
                text(form, "reference"),
                text(form, "reasonNone"),
                text(form, "link"),
                form.getFirst("message") == null ? null : text(form, "message"));
    }

    private static String text(MultivaluedMap<String, String> form, String name) {
        return Optional.ofNullable(form.getFirst(name))
                .orElse("")
                .replace("\r\n", "\n")
                .strip();
    }
}
