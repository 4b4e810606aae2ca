package io.haven.lesson;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Lesson, quiz, law and help pages. Templates use it as {lesson:key}; texts in messages/lesson_{en,ko,fr}.properties. */
@MessageBundle(value = "lesson", locale = "en")
public interface LessonMsg {

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
}
