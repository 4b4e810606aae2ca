package io.haven.school;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** School administration: settings, staff, second factors, districts. Templates use it as {admin:key}; texts in messages/admin_{en,ko,fr}.properties. */
@MessageBundle(value = "admin", locale = "en")
public interface AdminMsg {

    @Message
    String admin_settings_title();

    @Message
    String settings_heading(String name);

    @Message
    String other_schools();

    @Message
    String field_name();

    @Message
    String field_jurisdiction();

    @Message
    String field_language();

    @Message
    String field_time_zone();

    @Message
    String field_time_zone_hint();

    @Message
    String field_emergency();

    @Message
    String field_emergency_hint();

    @Message
    String field_quick_exit();

    @Message
    String field_quick_exit_hint();

    @Message
    String field_notify_category();

    @Message
    String field_notify_category_hint();

    @Message
    String field_slug();

    @Message
    String field_slug_hint();

    @Message
    String settings_save();

    @Message
    String choose();

    @Message
    String district_title();

    @Message
    String district_intro();

    @Message
    String district_list_caption();

    @Message
    String district_col_admins();

    @Message
    String district_create();

    @Message
    String district_first_admin();

    @Message
    String district_first_admin_hint();

    @Message
    String district_create_submit();

    @Message
    String admin_error_name_missing();

    @Message
    String admin_error_name_too_long();

    @Message
    String admin_error_slug_invalid();

    @Message
    String admin_error_slug_taken();

    @Message
    String admin_error_jurisdiction();

    @Message
    String admin_error_language();

    @Message
    String admin_error_time_zone();

    @Message
    String admin_error_emergency();

    @Message
    String admin_error_quick_exit();

    @Message
    String admin_error_admin_email();

    @Message
    String admin_error_admin_name();

    @Message
    String admin_settings_saved();

    @Message
    String admin_school_created();

    @Message
    String admin_school_created_invited();

    @Message
    String admin_factor_reset_done();

    @Message
    String admin_roles_saved();

    @Message
    String admin_deactivated();

    @Message
    String admin_reactivated();

    @Message
    String admin_refused_self();

    @Message
    String admin_refused_last_admin();

    @Message
    String admin_refused_other_schools();

    @Message
    String admin_refused_no_roles();

    @Message
    String admin_refused_assignee();

    @Message
    String member_title(String name);

    @Message
    String member_intro(String school);

    @Message
    String col_factor();

    @Message
    String col_manage();

    @Message
    String manage_link(String name);

    @Message
    String factor_enrolled_on(String date);

    @Message
    String factor_not_enrolled();

    @Message
    String member_open_cases();

    @Message
    String roles_legend(String school);

    @Message
    String roles_save();

    @Message
    String factor_title();

    @Message
    String factor_self();

    @Message
    String factor_reset_explain();

    @Message
    String factor_reset_submit(String name);

    @Message
    String factor_not_enrolled_explain();

    @Message
    String status_title();

    @Message
    String status_self();

    @Message
    String deactivate_explain();

    @Message
    String deactivate_reassign(long count);

    @Message
    String deactivate_to_queue();

    @Message
    String deactivate_submit(String name);

    @Message
    String reactivate_submit(String name);

    @Message
    String member_back(String school);

    @Message
    String admin_offers_heading();

    @Message
    String admin_offers_body(String school, String roles);

    @Message
    String admin_offers_accept(String school);

    @Message
    String admin_offers_decline();

    @Message
    String admin_offers_accepted();

    @Message
    String admin_offers_declined();

    @Message
    String admin_offers_pending_heading();

    @Message
    String admin_mail_staff_change_subject(String school);

    @Message
    String admin_mail_staff_change_body(String name, String school, String admin, String change);

    @Message
    String admin_change_roles(String roles);

    @Message
    String admin_change_removed();

    @Message
    String admin_change_factor();

    @Message
    String admin_change_deactivated();

    @Message
    String admin_change_reactivated();

    @Message
    String admin_mail_account_subject();

    @Message
    String admin_mail_account_body(String name, String change);

    @Message
    String admin_change_password();

    @Message
    String admin_error_control_characters();

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
}
