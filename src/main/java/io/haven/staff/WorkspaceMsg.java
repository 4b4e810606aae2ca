package io.haven.staff;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The staff workspace: navigation, dashboard, case summary, audit words, exports. Templates use it as {workspace:key}; texts in messages/workspace_{en,ko,fr}.properties. */
@MessageBundle(value = "workspace", locale = "en")
public interface WorkspaceMsg {

    @Message
    String nav_staff();

    @Message
    String nav_label();

    @Message
    String nav_home();

    @Message
    String nav_cases();

    @Message
    String nav_classes();

    @Message
    String nav_guides();

    @Message
    String nav_deadlines();

    @Message
    String nav_stats();

    @Message
    String nav_staff_admin();

    @Message
    String nav_settings();

    @Message
    String nav_audit();

    @Message
    String nav_district();

    @Message
    String nav_district_stats();

    @Message
    String nav_status();

    @Message
    String nav_account();

    @Message
    String dash_attention();

    @Message
    String dash_new();

    @Message
    String dash_urgent();

    @Message
    String dash_overdue();

    @Message
    String dash_count_link(long count);

    @Message
    String dash_mine();

    @Message
    String dash_mine_none();

    @Message
    String dash_deadlines();

    @Message
    String dash_deadlines_none();

    @Message
    String dash_deadline_ack();

    @Message
    String dash_deadline_review();

    @Message
    String dash_case(int id);

    @Message
    String dash_base_url(String url);

    @Message
    String list_danger();

    @Message
    String list_overdue();

    @Message
    String sum_title();

    @Message
    String sum_status();

    @Message
    String sum_urgency();

    @Message
    String sum_urgent();

    @Message
    String sum_normal();

    @Message
    String sum_danger();

    @Message
    String sum_next_deadline();

    @Message
    String sum_no_deadline();

    @Message
    String sum_assignee();

    @Message
    String sum_unassigned();

    @Message
    String sum_language();

    @Message
    String sum_acknowledge();

    @Message
    String sum_sections();

    @Message
    String workspace_acknowledged();

    @Message
    String lang_en();

    @Message
    String lang_ko();

    @Message
    String lang_fr();

    @Message
    String audit_view();

    @Message
    String audit_export();

    @Message
    String audit_status();

    @Message
    String audit_assign();

    @Message
    String audit_note();

    @Message
    String audit_message();

    @Message
    String audit_about();

    @Message
    String audit_duty_done();

    @Message
    String audit_duty_not_applicable();

    @Message
    String audit_incident_view();

    @Message
    String audit_close_request();

    @Message
    String audit_close_confirm();

    @Message
    String audit_close_withdraw();

    @Message
    String audit_reopen();

    @Message
    String audit_close();

    @Message
    String audit_referral();

    @Message
    String audit_link();

    @Message
    String audit_unlink();

    @Message
    String audit_hold();

    @Message
    String audit_hold_lifted();

    @Message
    String audit_deadlines();

    @Message
    String audit_purge();

    @Message
    String audit_escalate();

    @Message
    String audit_school_create();

    @Message
    String audit_settings();

    @Message
    String audit_mail_resend();

    @Message
    String audit_factor_reset();

    @Message
    String audit_roles();

    @Message
    String audit_deactivate();

    @Message
    String audit_reassign();

    @Message
    String audit_reactivate();

    @Message
    String audit_roles_offered();

    @Message
    String audit_invite();

    @Message
    String audit_roles_accepted();

    @Message
    String audit_roles_declined();

    @Message
    String audit_sign_in();

    @Message
    String audit_sign_in_failed();

    @Message
    String audit_sign_in_paused();

    @Message
    String audit_password_changed();

    @Message
    String audit_password_change_failed();

    @Message
    String audit_password_reset();

    @Message
    String audit_recovery_code_used();

    @Message
    String audit_second_factor_failed();

    @Message
    String audit_other();

    @Message
    String audit_transition(String before, String after);

    @Message
    String audit_form_error();

    @Message
    String audit_assignee(String name);

    @Message
    String audit_by_job();

    @Message
    String close_message_label();

    @Message
    String close_message_hint();

    @Message
    String close_message_default(long days);

    @Message
    String close_message_error();

    @Message
    String archive_title();

    @Message
    String archive_body(String name);

    @Message
    String archive_seats(long count);

    @Message
    String archive_answers(long count);

    @Message
    String archive_cannot_undo();

    @Message
    String archive_confirm();

    @Message
    String archive_cancel();

    @Message
    String projector_scan();

    @Message
    String projector_qr_alt(String url);

    @Message
    String csv_case();

    @Message
    String csv_received();

    @Message
    String csv_category();

    @Message
    String csv_status();

    @Message
    String csv_urgent();

    @Message
    String csv_yes();

    @Message
    String csv_no();

    @Message
    String csv_student();

    @Message
    String csv_lesson();

    @Message
    String csv_completed();

    @Message
    String csv_score();

    @Message
    String csv_score_value(int score, int total);

    @Message
    String projector_go_to();

    @Message
    String projector_type_code();

    @Message
    String staff_category_intimate_image();

    @Message
    String staff_category_sextortion();

    @Message
    String staff_category_bullying();

    @Message
    String staff_category_adult_concern();

    @Message
    String staff_category_other();

    @Message
    String stats_exact_intro(String school);

    @Message
    String csv_when();

    @Message
    String csv_staff();

    @Message
    String csv_action();

    @Message
    String csv_code();

    @Message
    String csv_detail();

    @Message
    String csv_row_hash();

    @Message
    String csv_row();
}
