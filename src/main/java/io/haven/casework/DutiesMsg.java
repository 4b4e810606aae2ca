package io.haven.casework;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Staff duties from content/duties: the case checklist, closure guard, escalation mail, staff home and
 * administrators' page. Templates use it as {duties:key}; texts in messages/duties_{en,ko,fr}.properties.
 */
@MessageBundle(value = "duties", locale = "en")
public interface DutiesMsg {

    @Message
    String duty_title();

    @Message
    String duty_intro(String jurisdiction);

    @Message
    String duty_none();

    @Message
    String duty_mandatory();

    @Message
    String duty_recommended();

    @Message
    String duty_due_immediately(String time);

    @Message
    String duty_due_by(String time);

    @Message
    String duty_due_asap();

    @Message
    String duty_overdue();

    @Message
    String duty_who_any_staff();

    @Message
    String duty_who_lead();

    @Message
    String duty_who_head();

    @Message
    String duty_statute();

    @Message
    String duty_source_link();

    @Message
    String duty_reviewed(String date);

    @Message
    String duty_status_verified();

    @Message
    String duty_status_secondary();

    @Message
    String duty_status_needs_review();

    @Message
    String duty_state_open();

    @Message
    String duty_state_done(String when, String who);

    @Message
    String duty_state_not_applicable(String when, String who);

    @Message
    String duty_reference();

    @Message
    String duty_reason();

    @Message
    String duty_done_at_label();

    @Message
    String duty_done_at_hint();

    @Message
    String duty_reference_label();

    @Message
    String duty_reference_hint(int max);

    @Message
    String duty_done_submit();

    @Message
    String duty_reason_label();

    @Message
    String duty_reason_hint();

    @Message
    String duty_not_applicable_submit();

    @Message
    String duty_mark_again();

    @Message
    String duty_error_unknown();

    @Message
    String duty_error_reason();

    @Message
    String duty_error_too_long(int max);

    @Message
    String duty_error_when();

    @Message
    String duty_error_close_open(String duties);

    @Message
    String duty_flash_done();

    @Message
    String duty_flash_not_applicable();

    @Message
    String duty_mail_subject();

    @Message
    String duty_mail_body(String school, long count, String link);

    @Message
    String duty_mail_line(long count);

    @Message
    String duty_escalation_line(int recipients);

    @Message
    String duty_home_title();

    @Message
    String duty_home_line(String id, String duty, String due);

    @Message
    String duty_admin_link();

    @Message
    String duty_admin_title();

    @Message
    String duty_admin_intro(String school, String jurisdiction);

    @Message
    String duty_admin_caption(String jurisdiction);

    @Message
    String duty_admin_none();

    @Message
    String duty_admin_due_review();

    @Message
    String duty_col_duty();

    @Message
    String duty_col_when();

    @Message
    String duty_col_due();

    @Message
    String duty_col_statute();

    @Message
    String duty_col_status();

    @Message
    String duty_col_reviewed();

    @Message
    String duty_col_source();

    @Message
    String duty_any_category();

    @Message
    String duty_any_age();

    @Message
    String duty_ages(String ages);

    @Message
    String duty_danger_only();

    @Message
    String duty_due_hours(long hours);

    @Message
    String duty_due_immediately_short();

    @Message
    String duty_due_asap_short();

    @Message
    String duty_action_report_police();

    @Message
    String duty_action_report_prosecutor();

    @Message
    String duty_action_report_child_protection();

    @Message
    String duty_action_report_education_authority();

    @Message
    String duty_action_report_hotline();

    @Message
    String duty_action_request_takedown();

    @Message
    String duty_action_inform_parents();

    @Message
    String duty_action_protect_victim();

    @Message
    String duty_action_preserve_evidence();

    @Message
    String duty_action_record();

    @Message
    String duty_case_age();
}
