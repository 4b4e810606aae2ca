package io.haven.classroom;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The classroom feature's text (classes, join codes, seats, progress), as {@code classroom:} in
 * templates; texts in messages/classroom_{en,ko,fr}.properties.
 */
@MessageBundle(value = "classroom", locale = "en")
public interface ClassroomMsg {

    @Message
    String classroom_join_title();

    @Message
    String classroom_join_intro();

    @Message
    String classroom_join_code_label();

    @Message
    String classroom_join_code_hint();

    @Message
    String classroom_join_nickname_label();

    @Message
    String classroom_join_nickname_hint();

    @Message
    String classroom_join_submit();

    @Message
    String classroom_join_resume_link();

    @Message
    String classroom_join_error_code_missing();

    @Message
    String classroom_join_error_code_unknown();

    @Message
    String classroom_join_error_code_closed();

    @Message
    String classroom_join_error_code_expired();

    @Message
    String classroom_join_error_full();

    @Message
    String classroom_join_error_nickname_missing();

    @Message
    String classroom_join_error_nickname_invalid(int max);

    @Message
    String classroom_join_error_nickname_taken();

    @Message
    String classroom_join_error_slow_down(long minutes);

    @Message
    String classroom_joined_title();

    @Message
    String classroom_joined_intro(String nickname, String name);

    @Message
    String classroom_joined_resume_label();

    @Message
    String classroom_joined_resume_hint();

    @Message
    String classroom_joined_continue();

    @Message
    String classroom_resume_title();

    @Message
    String classroom_resume_intro();

    @Message
    String classroom_resume_label();

    @Message
    String classroom_resume_hint();

    @Message
    String classroom_resume_submit();

    @Message
    String classroom_resume_join_link();

    @Message
    String classroom_resume_error_missing();

    @Message
    String classroom_resume_error_unknown();

    @Message
    String classroom_my_title();

    @Message
    String classroom_my_intro(String nickname, String name);

    @Message
    String classroom_my_nothing();

    @Message
    String classroom_my_caption();

    @Message
    String classroom_my_lesson();

    @Message
    String classroom_my_due();

    @Message
    String classroom_my_progress();

    @Message
    String classroom_my_no_due();

    @Message
    String classroom_my_completed(Integer last, Integer best, Integer total);

    @Message
    String classroom_my_no_seat();

    @Message
    String classroom_my_join();

    @Message
    String classroom_state_not_started();

    @Message
    String classroom_state_read();

    @Message
    String classroom_state_completed();

    @Message
    String classroom_state_overdue();

    @Message
    String classroom_flash_resumed();

    @Message
    String classroom_flash_created();

    @Message
    String classroom_flash_code_reset();

    @Message
    String classroom_flash_code_closed();

    @Message
    String classroom_flash_code_opened();

    @Message
    String classroom_flash_archived();

    @Message
    String classroom_flash_assigned();

    @Message
    String classroom_list_title();

    @Message
    String classroom_list_new();

    @Message
    String classroom_list_empty();

    @Message
    String classroom_list_caption();

    @Message
    String classroom_list_name();

    @Message
    String classroom_list_band();

    @Message
    String classroom_list_code();

    @Message
    String classroom_list_seats();

    @Message
    String classroom_list_assignments();

    @Message
    String classroom_code_closed_badge();

    @Message
    String classroom_create_title();

    @Message
    String classroom_create_submit();

    @Message
    String classroom_form_name();

    @Message
    String classroom_form_school();

    @Message
    String classroom_form_band();

    @Message
    String classroom_form_language();

    @Message
    String classroom_form_expires();

    @Message
    String classroom_form_expires_hint();

    @Message
    String classroom_form_cap();

    @Message
    String classroom_form_cap_hint();

    @Message
    String classroom_form_error_name();

    @Message
    String classroom_form_error_name_long(int max);

    @Message
    String classroom_form_error_school();

    @Message
    String classroom_form_error_band();

    @Message
    String classroom_form_error_language();

    @Message
    String classroom_form_error_date();

    @Message
    String classroom_form_error_date_past();

    @Message
    String classroom_form_error_cap(int max);

    @Message
    String classroom_back_list();

    @Message
    String classroom_back_class();

    @Message
    String classroom_code_title(String name);

    @Message
    String classroom_code_go_to(String url);

    @Message
    String classroom_code_label();

    @Message
    String classroom_code_closed_note();

    @Message
    String classroom_show_school();

    @Message
    String classroom_show_no_expiry();

    @Message
    String classroom_show_code_heading();

    @Message
    String classroom_show_projector();

    @Message
    String classroom_show_reset();

    @Message
    String classroom_show_close();

    @Message
    String classroom_show_open();

    @Message
    String classroom_assign_heading();

    @Message
    String classroom_assign_module();

    @Message
    String classroom_assign_other_band(String title, String bands);

    @Message
    String classroom_assign_due();

    @Message
    String classroom_assign_due_hint();

    @Message
    String classroom_assign_confirm();

    @Message
    String classroom_assign_submit();

    @Message
    String classroom_assign_error_module();

    @Message
    String classroom_assign_out_of_band(String bands, String classBand);

    @Message
    String classroom_table_heading();

    @Message
    String classroom_table_no_assignments();

    @Message
    String classroom_table_no_seats();

    @Message
    String classroom_table_caption();

    @Message
    String classroom_table_due(java.time.LocalDate date);

    @Message
    String classroom_table_other_band();

    @Message
    String classroom_table_completed(Integer last, Integer best, Integer total);

    @Message
    String classroom_table_csv();

    @Message
    String classroom_questions_heading();

    @Message
    String classroom_questions_intro();

    @Message
    String classroom_questions_caption();

    @Message
    String classroom_questions_lesson();

    @Message
    String classroom_questions_id();

    @Message
    String classroom_questions_text();

    @Message
    String classroom_questions_wrong();

    @Message
    String classroom_questions_count(long wrong, long answered);

    @Message
    String classroom_questions_most_missed();

    @Message
    String classroom_archive_heading();

    @Message
    String classroom_archive_warning();

    @Message
    String classroom_archive_submit();

    @Message
    String classroom_footer_my_class();

    @Message
    String classroom_csv_nickname();

    @Message
    String classroom_csv_status();

    @Message
    String classroom_csv_last_score();

    @Message
    String classroom_csv_best_score();

    @Message
    String classroom_form_error_control_characters();
}
