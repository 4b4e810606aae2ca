package io.haven.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Races and outages: a case changed by someone else meanwhile, a report or reply that could not be stored just now. Texts in messages/conflict_{en,ko,fr}.properties. */
@MessageBundle(value = "conflict", locale = "en")
public interface ConflictMsg {

    @Message
    String case_changed(String changes);

    @Message
    String case_change(String who, String at, String what);

    @Message
    String case_reporter_wrote(String at);

    @Message
    String case_someone();

    @Message
    String report_not_stored();

    @Message
    String reply_not_stored();
}
