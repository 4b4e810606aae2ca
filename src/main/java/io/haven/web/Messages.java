package io.haven.web;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The message bundle in a given language, for text built in Java (form errors, mail). */
public final class Messages {

    private Messages() {
    }

    public static Msg in(Language language) {
        return get(Msg.class, language);
    }

    public static ReportingMsg reporting(Language language) {
        return get(ReportingMsg.class, language);
    }

    public static ClassroomMsg classroom(Language language) {
        return get(ClassroomMsg.class, language);
    }

    public static CaseworkMsg casework(Language language) {
        return get(CaseworkMsg.class, language);
    }

    public static AdminMsg admin(Language language) {
        return get(AdminMsg.class, language);
    }

    public static StatsMsg stats(Language language) {
        return get(StatsMsg.class, language);
    }

    public static DeadlineMsg deadlines(Language language) {
        return get(DeadlineMsg.class, language);
    }

    public static GuideMsg guide(Language language) {
        return get(GuideMsg.class, language);
    }

    public static DutiesMsg duties(Language language) {
        return get(DutiesMsg.class, language);
    }

    public static OpsMsg ops(Language language) {
        return get(OpsMsg.class, language);
    }

    public static ConflictMsg conflict(Language language) {
        return get(ConflictMsg.class, language);
    }

    public static WorkspaceMsg workspace(Language language) {
        return get(WorkspaceMsg.class, language);
    }

    private static <T> T get(Class<T> bundle, Language language) {
        return language == Language.EN ? MessageBundles.get(bundle)
                : MessageBundles.get(bundle, Localized.Literal.of(language.code));
    }
}
