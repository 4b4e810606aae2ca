package io.haven.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Statistics for administrators and districts. Templates use it as {stats:key}; texts in messages/stats_{en,ko,fr}.properties. */
@MessageBundle(value = "stats", locale = "en")
public interface StatsMsg {

    @Message
    String stats_title();
}
