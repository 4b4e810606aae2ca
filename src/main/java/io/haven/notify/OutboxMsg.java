package io.haven.notify;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The mail outbox as administrators see it. Templates use it as {outbox:key}; texts in messages/outbox_{en,ko,fr}.properties. */
@MessageBundle(value = "outbox", locale = "en")
public interface OutboxMsg {

    @Message
    String outbox_retry_note();

    @Message
    String outbox_state_waiting();

    @Message
    String outbox_state_given_up();

    @Message
    String outbox_resend();

    @Message
    String outbox_flash_resent();

    @Message
    String outbox_flash_gone();
}
