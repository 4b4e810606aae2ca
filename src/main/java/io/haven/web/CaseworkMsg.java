package io.haven.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Case workflow: referrals, closing with an outcome, second confirmation, linked incidents. Templates use it as {casework:key}; texts in messages/casework_{en,ko,fr}.properties. */
@MessageBundle(value = "casework", locale = "en")
public interface CaseworkMsg {

    @Message
    String workflow_title();
}
