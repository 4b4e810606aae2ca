package io.haven.web;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The message bundle in a given language, for text built in Java (form errors, mail). */
public final class Messages {

    private Messages() {
    }

    public static Msg in(Language language) {
        return language == Language.EN ? MessageBundles.get(Msg.class)
                : MessageBundles.get(Msg.class, Localized.Literal.of(language.code));
    }
}
