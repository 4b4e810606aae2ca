package io.haven.web;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The message bundles in a given language, for text built in Java (form errors, mail). */
public final class Messages {

    private Messages() {}

    public static Msg in(Language language) {
        return get(Msg.class, language);
    }

    public static ConflictMsg conflict(Language language) {
        return get(ConflictMsg.class, language);
    }

    public static StudentMsg student(Language language) {
        return get(StudentMsg.class, language);
    }

    /** Any feature's bundle (each feature package owns its own interface). */
    public static <T> T get(Class<T> bundle, Language language) {
        return language == Language.EN
                ? MessageBundles.get(bundle)
                : MessageBundles.get(bundle, Localized.Literal.of(language.code));
    }
}
