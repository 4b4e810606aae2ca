package io.haven.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Deadlines, escalation, retention and legal hold. Templates use it as {deadlines:key}; texts in messages/deadlines_{en,ko,fr}.properties. */
@MessageBundle(value = "deadlines", locale = "en")
public interface DeadlineMsg {

    @Message
    String deadline_title();
}
