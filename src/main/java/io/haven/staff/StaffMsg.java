package io.haven.staff;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Staff accounts: sign-in, second factor, passwords, invitations and their mails. Templates use it as {staff:key}; texts in messages/staff_{en,ko,fr}.properties. */
@MessageBundle(value = "staff", locale = "en")
public interface StaffMsg {

    @Message
    String staff_login_title();

    @Message
    String staff_login_email();

    @Message
    String staff_login_password();

    @Message
    String staff_login_submit();

    @Message
    String staff_login_forgot();

    @Message
    String staff_login_email_missing();

    @Message
    String staff_login_password_missing();

    @Message
    String staff_login_failed();

    @Message
    String staff_login_paused(long minutes);

    @Message
    String staff_logout();

    @Message
    String staff_logout_done();

    @Message
    String staff_code_title();

    @Message
    String staff_code_intro();

    @Message
    String staff_code_label();

    @Message
    String staff_code_hint();

    @Message
    String staff_code_submit();

    @Message
    String staff_code_missing();

    @Message
    String staff_code_wrong();

    @Message
    String staff_code_paused();

    @Message
    String staff_enrol_title();

    @Message
    String staff_enrol_intro();

    @Message
    String staff_enrol_step_scan();

    @Message
    String staff_enrol_qr_label();

    @Message
    String staff_enrol_step_type();

    @Message
    String staff_enrol_code_label();

    @Message
    String staff_enrol_code_hint();

    @Message
    String staff_enrol_submit();

    @Message
    String staff_recovery_title();

    @Message
    String staff_recovery_intro();

    @Message
    String staff_recovery_once();

    @Message
    String staff_recovery_continue();

    @Message
    String staff_home_title();

    @Message
    String staff_home_heading(String name);

    @Message
    String staff_home_recovery_low(long count);

    @Message
    String staff_home_cases();

    @Message
    String staff_home_classes();

    @Message
    String staff_home_admin();

    @Message
    String staff_home_district();

    @Message
    String staff_home_district_body();

    @Message
    String staff_home_no_roles();

    @Message
    String staff_home_account();

    @Message
    String staff_home_change_password();

    @Message
    String staff_back_home();

    @Message
    String staff_back_to_login();

    @Message
    String staff_reset_title();

    @Message
    String staff_reset_intro();

    @Message
    String staff_reset_submit();

    @Message
    String staff_reset_sent();

    @Message
    String staff_reset_choose_title();

    @Message
    String staff_reset_choose_submit();

    @Message
    String staff_reset_done();

    @Message
    String staff_link_invalid_title();

    @Message
    String staff_link_invalid_body();

    @Message
    String staff_password_title();

    @Message
    String staff_password_intro();

    @Message
    String staff_password_current();

    @Message
    String staff_password_new();

    @Message
    String staff_password_confirm();

    @Message
    String staff_password_rules();

    @Message
    String staff_password_submit();

    @Message
    String staff_password_changed();

    @Message
    String staff_password_missing();

    @Message
    String staff_password_confirm_missing();

    @Message
    String staff_password_current_missing();

    @Message
    String staff_password_current_wrong();

    @Message
    String staff_password_paused();

    @Message
    String staff_password_too_short();

    @Message
    String staff_password_too_long();

    @Message
    String staff_password_weak();

    @Message
    String staff_password_breached();

    @Message
    String staff_password_personal();

    @Message
    String staff_password_mismatch();

    @Message
    String staff_email_missing();

    @Message
    String staff_email_invalid();

    @Message
    String staff_name_label();

    @Message
    String staff_name_missing();

    @Message
    String staff_name_too_long();

    @Message
    String staff_invitation_title();

    @Message
    String staff_invitation_intro(String school);

    @Message
    String staff_invitation_account(String email);

    @Message
    String staff_invitation_submit();

    @Message
    String staff_invitation_done();

    @Message
    String staff_setup_title();

    @Message
    String staff_setup_intro();

    @Message
    String staff_setup_school();

    @Message
    String staff_setup_school_name();

    @Message
    String staff_setup_slug();

    @Message
    String staff_setup_slug_hint();

    @Message
    String staff_setup_jurisdiction();

    @Message
    String staff_setup_language();

    @Message
    String staff_setup_time_zone();

    @Message
    String staff_setup_time_zone_hint();

    @Message
    String staff_setup_admin();

    @Message
    String staff_setup_submit();

    @Message
    String staff_setup_done();

    @Message
    String staff_setup_school_name_missing();

    @Message
    String staff_setup_slug_invalid();

    @Message
    String staff_setup_slug_taken();

    @Message
    String staff_setup_jurisdiction_missing();

    @Message
    String staff_setup_language_missing();

    @Message
    String staff_setup_time_zone_invalid();

    @Message
    String staff_admin_title(String school);

    @Message
    String staff_admin_other_schools();

    @Message
    String staff_admin_list_caption();

    @Message
    String staff_admin_roles();

    @Message
    String staff_admin_status();

    @Message
    String staff_admin_status_pending();

    @Message
    String staff_admin_status_active();

    @Message
    String staff_admin_status_inactive();

    @Message
    String staff_admin_invite();

    @Message
    String staff_admin_invite_submit();

    @Message
    String staff_admin_roles_missing();

    @Message
    String staff_admin_invited();

    @Message
    String staff_admin_roles_added();

    @Message
    String staff_role_teacher();

    @Message
    String staff_role_handler();

    @Message
    String staff_role_admin();

    @Message
    String staff_role_district_admin();

    @Message
    String staff_mail_invite_subject(String school);

    @Message
    String staff_mail_invite_body(String name, String school, String link, long days);

    @Message
    String staff_mail_roles_subject(String school);

    @Message
    String staff_mail_roles_body(String name, String school, String link);

    @Message
    String staff_mail_reset_subject();

    @Message
    String staff_mail_reset_body(String name, String link, long minutes);
}
