package io.haven.report;

import java.time.ZonedDateTime;
import java.util.List;

/** What a reporter sees with their receipt: status in plain words, the next step and when, the conversation;
 * purgedAt is when retention deleted the content (null while it is kept). */
public record FollowUp(
        CaseStatus status,
        Category category,
        boolean dangerNow,
        ZonedDateTime acknowledgeBy,
        ZonedDateTime reviewBy,
        List<Line> conversation,
        ZonedDateTime purgedAt,
        ZonedDateTime closedAt,
        ZonedDateTime replyUntil,
        boolean replyOpen) {

    public record Line(boolean fromReporter, String text, ZonedDateTime at) {}
}
