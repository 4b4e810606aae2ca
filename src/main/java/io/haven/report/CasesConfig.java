package io.haven.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long a closed case stays open to its reporter. */
@ConfigMapping(prefix = "haven.cases")
public interface CasesConfig {

    /**
     * After a case is closed, its reporter can still read the conversation and reply for this long (the
     * closing message tells them so); after it the follow-up page is read-only.
     */
    @WithDefault("30d")
    Duration replyWindowAfterClose();
}
