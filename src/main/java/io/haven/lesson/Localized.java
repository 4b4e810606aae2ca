package io.haven.lesson;

import io.haven.web.Language;
import java.io.Serializable;
import java.util.Map;

/** A short text given in several languages in a content file; English is always there and is the fallback. */
public record Localized(Map<Language, String> texts) implements Serializable {

    public String in(Language language) {
        String t = texts.get(language);
        return t != null ? t : texts.get(Language.EN);
    }
}
