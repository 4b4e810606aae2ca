package io.haven.report;

import java.time.ZonedDateTime;
import java.util.List;

/** What a reporter sees with their receipt: status in plain words, the next step and when, the conversation. */
public record FollowUp(CaseStatus status, Category category, boolean dangerNow, ZonedDateTime acknowledgeBy,
        ZonedDateTime reviewBy, List<Line> conversation) {

    public record Line(boolean fromReporter, String text, ZonedDateTime at) {
    }

}
