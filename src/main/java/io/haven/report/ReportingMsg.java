package io.haven.report;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The reporting channel's and casework's text, as {@code reporting:} in templates; texts in
 * messages/reporting_{en,ko,fr}.properties. A bundle of its own because one Qute bundle of more than
 * 300 messages is generated with a broken resolver (Quarkus 3.33).
 */
@MessageBundle(value = "reporting", locale = "en")
public interface ReportingMsg {

    @Message
    String report_title();

    @Message
    String report_intro();

    @Message
    String report_privacy_link();

    @Message
    String report_followup_link();

    @Message
    String report_danger_box(String name);

    @Message
    String report_school_label();

    @Message
    String report_school_choose();

    @Message
    String report_school_fixed(String school);

    @Message
    String report_category_legend();

    @Message
    String report_category_intimate_image();

    @Message
    String report_category_intimate_image_hint();

    @Message
    String report_category_sextortion();

    @Message
    String report_category_sextortion_hint();

    @Message
    String report_category_bullying();

    @Message
    String report_category_bullying_hint();

    @Message
    String report_category_adult_concern();

    @Message
    String report_category_adult_concern_hint();

    @Message
    String report_category_other();

    @Message
    String report_category_other_hint();

    @Message
    String report_affected_legend();

    @Message
    String report_affected_me();

    @Message
    String report_affected_friend();

    @Message
    String report_affected_someone_else();

    @Message
    String report_where_label();

    @Message
    String report_where_hint(int max);

    @Message
    String report_when_label();

    @Message
    String report_when_hint();

    @Message
    String report_body_label();

    @Message
    String report_body_hint(int max);

    @Message
    String report_danger_legend();

    @Message
    String report_danger_hint();

    @Message
    String report_danger_yes();

    @Message
    String report_danger_no();

    @Message
    String report_contact_label();

    @Message
    String report_contact_hint();

    @Message
    String report_honeypot_label();

    @Message
    String report_no_upload_title();

    @Message
    String report_no_upload_body();

    @Message
    String report_takedown_intro();

    @Message
    String report_next_title();

    @Message
    String report_next_who();

    @Message
    String report_next_when();

    @Message
    String report_next_police();

    @Message
    String report_next_receipt();

    @Message
    String report_submit();

    @Message
    String report_error_school();

    @Message
    String report_error_category();

    @Message
    String report_error_affected();

    @Message
    String report_error_danger();

    @Message
    String report_error_body();

    @Message
    String report_error_message();

    @Message
    String report_error_too_long(int length, int max);

    @Message
    String report_error_honeypot();

    @Message
    String report_slow_down(long minutes);

    @Message
    String report_receipt_title();

    @Message
    String report_receipt_intro();

    @Message
    String report_receipt_label();

    @Message
    String report_receipt_keep();

    @Message
    String report_receipt_now();

    @Message
    String report_receipt_saved();

    @Message
    String report_advice_intimate_image();

    @Message
    String report_advice_sextortion();

    @Message
    String report_advice_bullying();

    @Message
    String report_advice_adult_concern();

    @Message
    String report_advice_other();

    @Message
    String report_saved_title();

    @Message
    String report_saved_body();

    @Message
    String report_followup_title();

    @Message
    String report_followup_intro();

    @Message
    String report_followup_label();

    @Message
    String report_followup_hint();

    @Message
    String report_followup_submit();

    @Message
    String report_followup_not_found();

    @Message
    String report_followup_slow_down(long minutes);

    @Message
    String report_status_title();

    @Message
    String report_status_new();

    @Message
    String report_status_acknowledged();

    @Message
    String report_status_in_progress();

    @Message
    String report_status_closed();

    @Message
    String report_next_ack(String time);

    @Message
    String report_next_review(String time);

    @Message
    String report_next_closed();

    @Message
    String report_conversation_title();

    @Message
    String report_conversation_empty();

    @Message
    String report_conversation_you();

    @Message
    String report_conversation_staff();

    @Message
    String report_reply_label();

    @Message
    String report_reply_submit();

    @Message
    String report_reply_sent();

    @Message
    String privacy_title();

    @Message
    String privacy_kept_title();

    @Message
    String privacy_kept_body();

    @Message
    String privacy_not_kept_title();

    @Message
    String privacy_not_kept_body();

    @Message
    String privacy_who_title();

    @Message
    String privacy_who_body();

    @Message
    String privacy_how_long_title();

    @Message
    String privacy_how_long_body();

    @Message
    String privacy_must_tell_title();

    @Message
    String privacy_must_tell_body();

    @Message
    String case_list_title();

    @Message
    String case_list_empty();

    @Message
    String case_filter_status();

    @Message
    String case_filter_category();

    @Message
    String case_filter_any();

    @Message
    String case_filter_apply();

    @Message
    String case_col_case();

    @Message
    String case_col_received();

    @Message
    String case_col_assignee();

    @Message
    String case_unassigned();

    @Message
    String case_urgent();

    @Message
    String case_overdue();

    @Message
    String case_volume_flagged();

    @Message
    String case_status_new();

    @Message
    String case_status_acknowledged();

    @Message
    String case_status_in_progress();

    @Message
    String case_status_closed();

    @Message
    String case_title(int id);

    @Message
    String case_back_to_list();

    @Message
    String case_acknowledge_by();

    @Message
    String case_review_by();

    @Message
    String case_affected();

    @Message
    String case_danger();

    @Message
    String case_evidence_title();

    @Message
    String case_evidence_body();

    @Message
    String case_report_title();

    @Message
    String case_handling_title();

    @Message
    String case_status_submit();

    @Message
    String case_assign_submit();

    @Message
    String case_about_label();

    @Message
    String case_about_submit();

    @Message
    String case_about_marked(String name);

    @Message
    String case_conversation_title();

    @Message
    String case_reporter();

    @Message
    String case_message_label();

    @Message
    String case_message_hint();

    @Message
    String case_message_submit();

    @Message
    String case_notes_title();

    @Message
    String case_note_label();

    @Message
    String case_note_hint();

    @Message
    String case_note_submit();

    @Message
    String case_audit_title();

    @Message
    String case_error_status();

    @Message
    String case_error_assignee();

    @Message
    String mail_urgency_urgent();

    @Message
    String mail_urgency_normal();

    @Message
    String mail_category_line(String category);

    @Message
    String mail_new_report_subject(String urgency);

    @Message
    String mail_new_report_body(String urgency, String school, String category, String link);

    @Message
    String mail_reply_subject();

    @Message
    String mail_reply_body(String school, String link);

    @Message
    String mail_no_handler_subject();

    @Message
    String mail_no_handler_body(String school, String link);

    @Message
    String mail_volume_subject();

    @Message
    String mail_volume_body(String school);

    @Message
    String routing_title();

    @Message
    String routing_intro(String school);

    @Message
    String routing_unrouted_title();

    @Message
    String routing_rules_title();

    @Message
    String routing_rules_empty();

    @Message
    String routing_col_staff();

    @Message
    String routing_col_action();

    @Message
    String routing_default();

    @Message
    String routing_delete();

    @Message
    String routing_add();

    @Message
    String routing_error_category();

    @Message
    String routing_error_staff();

    @Message
    String routing_failed_title();

    @Message
    String routing_failed_empty();

    @Message
    String routing_failed_attempts(int count);

    @Message
    String audit_title();

    @Message
    String audit_intact();

    @Message
    String audit_broken_title();

    @Message
    String audit_broken_body(String id);

    @Message
    String audit_filter_case();

    @Message
    String audit_filter_staff();

    @Message
    String audit_export();

    @Message
    String audit_col_action();

    @Message
    String case_export_title(int id);

    @Message
    String case_export_notice();

    @Message
    String case_export_link();

    @Message
    String report_status_referred();

    @Message
    String case_status_referred();

    @Message
    String case_outcome_resolved();

    @Message
    String case_outcome_unsubstantiated();

    @Message
    String case_outcome_false_or_malicious();

    @Message
    String case_outcome_duplicate();

    @Message
    String audit_broken_elsewhere();

    @Message
    String audit_full_check();

    @Message
    String audit_digest_subject(String day);

    @Message
    String audit_digest_body(String school, String day, String rows, String fingerprint, String state);

    @Message
    String audit_digest_intact();

    @Message
    String audit_digest_broken();

    String report_age_legend();

    @Message
    String report_age_hint();

    @Message
    String report_age_5_7();

    @Message
    String report_age_8_10();

    @Message
    String report_age_11_13();

    @Message
    String report_age_14_18();

    @Message
    String report_age_adult();

    @Message
    String report_age_not_sure();

    @Message
    String report_error_age();

    @Message
    String followup_reply_until(String date);

    @Message
    String followup_read_only(String date);
}
