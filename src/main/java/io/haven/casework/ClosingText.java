package io.haven.casework;

import io.haven.report.CasesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** What the close form tells staff about the reporter's time to reply ({@code inject:closing}). */
@ApplicationScoped
@Named("closing")
public class ClosingText {

    @Inject
    CasesConfig config;

    /** Whole days the reporter can still reply after closing, for the prefilled message. */
    public long getReplyDays() {
        return config.replyWindowAfterClose().toDays();
    }
}
