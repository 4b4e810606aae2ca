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
}
