package io.haven.lesson;

import io.haven.web.PageContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The emergency number for the page's jurisdiction (the school's own number when it set one), for the
 * footer of every page: an error page may be what a child in danger sees, so it must still say whom to call.
 * Content is loaded at start-up, so this works even when the database does not.
 */
@RequestScoped
@Named("emergency")
public class EmergencyLine {

    @Inject
    ContentCatalogue content;

    @Inject
    PageContext page;

    private HelpDirectory directory() {
        try {
            return HelpDirectory.forPage(content.curriculum().help(), page);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public boolean isKnown() {
        return directory() != null;
    }

    public String getNumber() {
        HelpDirectory h = directory();
        return h == null ? "" : h.emergencyNumber();
    }

    public String getName() {
        HelpDirectory h = directory();
        return h == null ? "" : h.emergencyName().in(page.language());
    }
}
