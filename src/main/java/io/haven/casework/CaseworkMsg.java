package io.haven.casework;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Case workflow: referrals, closing with an outcome, second confirmation, linked incidents. Templates use it as {casework:key}; texts in messages/casework_{en,ko,fr}.properties. */
@MessageBundle(value = "casework", locale = "en")
public interface CaseworkMsg {

    @Message
    String workflow_title();

    @Message
    String referral_title();

    @Message
    String referral_none_recorded();

    @Message
    String referral_form_title();

    @Message
    String referral_kind_legend();

    @Message
    String referral_kind_police();

    @Message
    String referral_kind_child_protection();

    @Message
    String referral_kind_hotline();

    @Message
    String referral_kind_takedown();

    @Message
    String referral_kind_none();

    @Message
    String referral_reference_label();

    @Message
    String referral_reference_hint(int max);

    @Message
    String referral_reason_none_label();

    @Message
    String referral_reason_none_hint();

    @Message
    String referral_submit();

    @Message
    String referral_reference();

    @Message
    String referral_reason_none();

    @Message
    String close_title();

    @Message
    String close_outcome_legend();

    @Message
    String close_reason_label();

    @Message
    String close_reason_hint();

    @Message
    String close_duplicate_label();

    @Message
    String close_duplicate_hint();

    @Message
    String close_submit();

    @Message
    String close_two_person_hint();

    @Message
    String close_request_submit();

    @Message
    String close_pending_title();

    @Message
    String close_pending_by(String who, String at);

    @Message
    String close_pending_mine();

    @Message
    String close_confirm_submit();

    @Message
    String close_withdraw_submit();

    @Message
    String closed_outcome();

    @Message
    String closed_duplicate_of();

    @Message
    String reopen_hint();

    @Message
    String reopen_submit();

    @Message
    String linked_title();

    @Message
    String linked_none();

    @Message
    String linked_incident_link();

    @Message
    String link_label();

    @Message
    String link_hint();

    @Message
    String link_submit();

    @Message
    String unlink_submit();

    @Message
    String incident_title(String id);

    @Message
    String incident_intro();

    @Message
    String list_referred_only();

    @Message
    String error_outcome();

    @Message
    String error_reason();

    @Message
    String error_too_long(int max);

    @Message
    String error_duplicate_missing();

    @Message
    String error_case_unknown();

    @Message
    String error_duplicate_self();

    @Message
    String error_already_closed();

    @Message
    String error_referral_missing();

    @Message
    String error_request_pending();

    @Message
    String error_no_request();

    @Message
    String error_own_request();

    @Message
    String error_not_closed();

    @Message
    String error_kind();

    @Message
    String error_reason_none();

    @Message
    String error_link_missing();

    @Message
    String error_link_self();

    @Message
    String error_link_already();

    @Message
    String error_not_linked();

    @Message
    String error_status_closed();

    @Message
    String error_status_close_form();

    @Message
    String error_status_referral_missing();

    @Message
    String casework_flash_closed();

    @Message
    String casework_flash_close_requested();

    @Message
    String casework_flash_close_withdrawn();

    @Message
    String casework_flash_reopened();

    @Message
    String casework_flash_referral();

    @Message
    String casework_flash_linked();

    @Message
    String casework_flash_unlinked();

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
    String audit_export_csv();

    @Message
    String audit_col_action();

    @Message
    String case_export_title(int id);

    @Message
    String case_export_notice();

    @Message
    String case_export_link();

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
}
