package io.haven.staff;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Operations: first-run choice, district administrators, provisioning, the status page. Templates use it as {ops:key}; texts in messages/ops_{en,ko,fr}.properties. */
@MessageBundle(value = "ops", locale = "en")
public interface OpsMsg {

    @Message
    String ops_setup_kind();

    @Message
    String ops_setup_kind_school();

    @Message
    String ops_setup_kind_school_hint();

    @Message
    String ops_setup_kind_district();

    @Message
    String ops_setup_kind_district_hint();

    @Message
    String ops_setup_school_only();

    @Message
    String ops_setup_done_district();

    @Message
    String ops_invitation_district_intro();

    @Message
    String ops_mail_district_invite_subject();

    @Message
    String ops_mail_district_invite_body(String name, String link, long days);

    @Message
    String ops_district_admins_title();

    @Message
    String ops_district_admins_intro();

    @Message
    String ops_district_admins_caption();

    @Message
    String ops_district_admins_col_state();

    @Message
    String ops_district_admins_active();

    @Message
    String ops_district_admins_invited_state();

    @Message
    String ops_district_admins_invite();

    @Message
    String ops_district_admins_invite_hint();

    @Message
    String ops_district_admins_invite_submit();

    @Message
    String ops_district_admins_invited();

    @Message
    String ops_district_admins_error_name();

    @Message
    String ops_district_admins_error_email();

    @Message
    String ops_district_admins_error_already();

    @Message
    String ops_district_admins_error_account();

    @Message
    String ops_status_title();

    @Message
    String ops_status_intro_school(String school);

    @Message
    String ops_status_intro_district();

    @Message
    String ops_status_settings();

    @Message
    String ops_status_settings_ok();

    @Message
    String ops_status_unsafe_base_url();

    @Message
    String ops_status_unsafe_base_url_http();

    @Message
    String ops_status_unsafe_cookies();

    @Message
    String ops_status_unsafe_demo();

    @Message
    String ops_status_mail();

    @Message
    String ops_status_mail_waiting();

    @Message
    String ops_status_mail_retrying();

    @Message
    String ops_status_mail_failed();

    @Message
    String ops_status_mail_oldest();

    @Message
    String ops_status_mail_failed_hint();

    @Message
    String ops_status_none();

    @Message
    String ops_status_jobs();

    @Message
    String ops_status_jobs_none();

    @Message
    String ops_status_jobs_caption();

    @Message
    String ops_status_col_job();

    @Message
    String ops_status_col_last_run();

    @Message
    String ops_status_col_holder();

    @Message
    String ops_status_col_lease_until();

    @Message
    String ops_status_this_node();

    @Message
    String ops_status_not_held();

    @Message
    String ops_status_keys();

    @Message
    String ops_status_keys_caption();

    @Message
    String ops_status_col_key();

    @Message
    String ops_status_col_values();

    @Message
    String ops_status_col_key_state();

    @Message
    String ops_status_key_current();

    @Message
    String ops_status_key_old_in_use();

    @Message
    String ops_status_key_removable();

    @Message
    String ops_status_key_missing();

    @Message
    String ops_status_review();

    @Message
    String ops_status_review_none();

    @Message
    String ops_status_review_caption();

    @Message
    String ops_status_col_jurisdiction();

    @Message
    String ops_status_col_entry();

    @Message
    String ops_status_col_reviewed();

    @Message
    String ops_status_version();

    @Message
    String ops_status_version_app();

    @Message
    String ops_status_version_schema();

    @Message
    String ops_status_times_utc();

    @Message
    String ops_status_metrics_hint();
}
