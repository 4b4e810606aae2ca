package io.haven.report;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The anonymous reporting channel's text (form, receipt, follow-up, privacy page), as {@code reporting:} in
 * templates; texts in messages/reporting_{en,ko,fr}.properties. Case, audit, mail and routing text for
 * staff live in casework's and administration's bundles.
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
    String report_status_referred();

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
