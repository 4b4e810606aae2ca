package io.haven.casework;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Deadlines, escalation, retention and legal hold. Templates use it as {deadlines:key}; texts in messages/deadlines_{en,ko,fr}.properties. */
@MessageBundle(value = "deadlines", locale = "en")
public interface DeadlineMsg {

    @Message
    String deadline_title();

    @Message
    String deadline_intro(String school);

    @Message
    String deadline_other_schools();

    @Message
    String deadline_times_title();

    @Message
    String deadline_times_hint();

    @Message
    String deadline_col_ack();

    @Message
    String deadline_col_review();

    @Message
    String deadline_col_default();

    @Message
    String deadline_default(long ack, long review);

    @Message
    String deadline_danger_note();

    @Message
    String deadline_escalation_title();

    @Message
    String deadline_interval_label();

    @Message
    String deadline_interval_hint();

    @Message
    String deadline_retention_title();

    @Message
    String deadline_retention_label();

    @Message
    String deadline_retention_hint();

    @Message
    String deadline_submit();

    @Message
    String deadline_error_ack(String category);

    @Message
    String deadline_error_review(String category);

    @Message
    String deadline_error_interval();

    @Message
    String deadline_error_retention();

    @Message
    String deadline_flash_saved();

    @Message
    String deadline_escalation_subject();

    @Message
    String deadline_escalation_body(String school, String due, String link, String category);

    @Message
    String deadline_escalations_title();

    @Message
    String deadline_escalations_empty();

    @Message
    String deadline_escalation_line(int recipients);

    @Message
    String deadline_hold_title();

    @Message
    String deadline_hold_none();

    @Message
    String deadline_hold_active(String since, String by);

    @Message
    String deadline_hold_reason();

    @Message
    String deadline_hold_reason_label();

    @Message
    String deadline_hold_reason_hint();

    @Message
    String deadline_hold_submit();

    @Message
    String deadline_hold_lift();

    @Message
    String deadline_hold_error_required();

    @Message
    String deadline_hold_error_too_long(int length, int max);

    @Message
    String deadline_flash_hold();

    @Message
    String deadline_flash_hold_lifted();

    @Message
    String deadline_badge_hold();

    @Message
    String deadline_purged(String date);

    @Message
    String deadline_purged_reporter(String date);

    @Message
    String deadline_hold_error_lift_refused();
}
