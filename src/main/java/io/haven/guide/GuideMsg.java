package io.haven.guide;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The teacher's guides' text (guide pages and the links to them), as {@code guide:} in templates; texts in
 * messages/guide_{en,ko,fr}.properties.
 */
@MessageBundle(value = "guide", locale = "en")
public interface GuideMsg {

    @Message
    String guide_index_title();

    @Message
    String guide_index_intro();

    @Message
    String guide_index_caption();

    @Message
    String guide_index_lesson();

    @Message
    String guide_index_bands();

    @Message
    String guide_title(String title);

    @Message
    String guide_meta(String band, int minutes);

    @Message
    String guide_translation_missing();

    @Message
    String guide_open_lesson();

    @Message
    String guide_other_bands();

    @Message
    String guide_print_hint();

    @Message
    String guide_essential_question();

    @Message
    String guide_timing_heading();

    @Message
    String guide_timing_caption();

    @Message
    String guide_timing_minutes();

    @Message
    String guide_timing_step();

    @Message
    String guide_ground_rules_heading();

    @Message
    String guide_disclosure_heading();

    @Message
    String guide_disclosure_say();

    @Message
    String guide_disclosure_avoid();

    @Message
    String guide_disclosure_tell();

    @Message
    String guide_discussion_heading();

    @Message
    String guide_good_answers();

    @Message
    String guide_key_heading();

    @Message
    String guide_key_correct();

    @Message
    String guide_key_wrong();

    @Message
    String guide_differentiation_heading();

    @Message
    String guide_support();

    @Message
    String guide_stretch();

    @Message
    String guide_notes_heading();

    @Message
    String guide_link_lesson();

    @Message
    String guide_class_heading();

    @Message
    String guide_link_class(String title, String band);
}
