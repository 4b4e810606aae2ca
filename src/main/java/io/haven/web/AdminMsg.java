package io.haven.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** School administration: settings, staff, second factors, districts. Templates use it as {admin:key}; texts in messages/admin_{en,ko,fr}.properties. */
@MessageBundle(value = "admin", locale = "en")
public interface AdminMsg {

    @Message
    String admin_settings_title();
}
