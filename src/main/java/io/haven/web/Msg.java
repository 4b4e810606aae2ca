package io.haven.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * All user-facing text, as {@code msg:} in templates. The texts live in messages/msg_en.properties,
 * msg_ko.properties and msg_fr.properties; a test checks that every key is in all three.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {

    @Message
    String common_site_name();

    @Message
    String common_skip_link();

    @Message
    String common_quick_exit();

    @Message
    String common_quick_exit_hint();

    @Message
    String common_quick_exit_note();

    @Message
    String common_nav_label();

    @Message
    String common_nav_lessons();

    @Message
    String common_nav_law();

    @Message
    String common_nav_help();

    @Message
    String common_nav_report();

    @Message
    String common_language_label();

    @Message
    String common_language_en();

    @Message
    String common_language_ko();

    @Message
    String common_language_fr();

    @Message
    String common_band_label();

    @Message
    String common_band_5_7();

    @Message
    String common_band_8_10();

    @Message
    String common_band_11_13();

    @Message
    String common_band_14_18();

    @Message
    String common_footer_about();

    @Message
    String common_footer_staff();

    @Message
    String home_title();

    @Message
    String home_heading();

    @Message
    String home_intro();

    @Message
    String home_choose_band();

    @Message
    String home_band_5_7_hint();

    @Message
    String home_band_8_10_hint();

    @Message
    String home_band_11_13_hint();

    @Message
    String home_band_14_18_hint();

    @Message
    String home_featured();

    @Message
    String home_all_lessons();

    @Message
    String home_report_heading();

    @Message
    String home_report_body();

    @Message
    String catalogue_title();

    @Message
    String catalogue_intro(String band);

    @Message
    String catalogue_choose_band();

    @Message
    String lesson_minutes(int minutes);

    @Message
    String lesson_band_label(String band);

    @Message
    String lesson_english_only();

    @Message
    String lesson_choose_band();

    @Message
    String lesson_band_unavailable(String band);

    @Message
    String lesson_band_nearest(String band);

    @Message
    String lesson_translation_missing();

    @Message
    String lesson_essential_question();

    @Message
    String lesson_objectives();

    @Message
    String lesson_vocabulary();

    @Message
    String lesson_discussion();

    @Message
    String lesson_quiz();

    @Message
    String lesson_family_note();

    @Message
    String lesson_law_heading(String name);

    @Message
    String lesson_law_more();

    @Message
    String quiz_submit();

    @Message
    String quiz_choose_one();

    @Message
    String quiz_missing_answer(Integer number);

    @Message
    String quiz_result_title(String title);

    @Message
    String quiz_score(long score, int total);

    @Message
    String quiz_right();

    @Message
    String quiz_wrong();

    @Message
    String quiz_your_answer();

    @Message
    String quiz_correct_answer();

    @Message
    String quiz_back_to_lesson();

    @Message
    String form_error_summary_title();

    @Message
    String form_csrf_expired();

    @Message
    String help_title();

    @Message
    String help_emergency(String name);

    @Message
    String help_phone();

    @Message
    String help_website();

    @Message
    String help_hours();

    @Message
    String help_ages_any();


    @Message
    String help_ages_adult();

    @Message
    String help_verified(java.time.LocalDate date);

    @Message
    String help_report_body();

    @Message
    String help_panel_title();

    @Message
    String help_panel_emergency(String name, String number);

    @Message
    String help_panel_talk();

    @Message
    String help_panel_more();

    @Message
    String law_title();

    @Message
    String law_intro(String name);

    @Message
    String law_penalty();

    @Message
    String law_statute();

    @Message
    String law_in_force();

    @Message
    String law_source();

    @Message
    String law_source_link();

    @Message
    String law_reviewed();


    @Message
    String law_disclaimer();

    @Message
    String law_choose_jurisdiction();

    @Message
    String error_not_found_title();

    @Message
    String error_not_found_body();

    @Message
    String error_home_link();

    @Message
    String error_status_title();

    @Message
    String error_status_body(int status);

    @Message
    String error_server_title();

    @Message
    String error_server_body();

    @Message
    String error_server_id();

    @Message
    String form_error_prefix();

    @Message
    String law_sources_title();

    @Message
    String law_sources_intro();

    @Message
    String law_sources_caption(String name);

    @Message
    String law_sources_status();

    @Message
    String law_sources_due();

    @Message
    String law_status_verified();

    @Message
    String law_status_secondary();

    @Message
    String law_status_needs_review();

    @Message
    String law_sources_link();

    @Message
    String help_ages_under(int age);

    @Message
    String help_ages_range(int min, int max);

    @Message
    String help_status_verified();

    @Message
    String help_status_secondary();

    @Message
    String help_status_needs_review();

    @Message
    String law_sources_note();

    @Message
    String law_sources_help_caption(String name);

    @Message
    String law_sources_service();

    @Message
    String common_staff_home();

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

    @Message
    String case_flash_status();

    @Message
    String case_flash_assigned();

    @Message
    String case_flash_note();

    @Message
    String case_flash_message();

    @Message
    String case_flash_about();

    @Message
    String common_staff_signed_in(String name);

    @Message
    String routing_flash_added();

    @Message
    String routing_flash_deleted();

    @Message
    String common_footer_emergency(String name);

    @Message
    String common_footer_follow_up();

    @Message
    String form_control_characters();
}
