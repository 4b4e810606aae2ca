package io.haven.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Shared student-page texts: error titles, header menu, receipt and follow-up notes, youngest lessons. Texts in messages/student_{en,ko,fr}.properties. */
@MessageBundle(value = "student", locale = "en")
public interface StudentMsg {

    @Message
    String error_title_prefix();

    @Message
    String meta_description();

    @Message
    String logo_home();

    @Message
    String menu();

    @Message
    String menu_choices();

    @Message
    String showing_band(String band);

    @Message
    String showing_band_change();

    @Message
    String receipt_when_title();

    @Message
    String receipt_read_by(String time);

    @Message
    String receipt_read_soon();

    @Message
    String receipt_check_back();

    @Message
    String receipt_copy();

    @Message
    String receipt_copied();

    @Message
    String report_already_sent_title();

    @Message
    String report_already_sent_body();

    @Message
    String reply_already_sent();

    @Message
    String read_aloud();

    @Message
    String read_aloud_stop();

    @Message
    String teacher_material();

    @Message
    String grown_up_title();

    @Message
    String grown_up_body();

    @Message
    String grown_up_more();

    @Message
    String report_short();
}
