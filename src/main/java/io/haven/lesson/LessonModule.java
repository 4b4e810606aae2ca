package io.haven.lesson;

import io.haven.web.Band;
import io.haven.web.Language;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A module of the curriculum: its place in the catalogue and its lessons by band and language. */
public record LessonModule(
        String id,
        int order,
        List<Band> bands,
        List<String> tags,
        boolean featured,
        boolean showsLaw,
        Map<Band, Map<Language, Lesson>> lessons,
        Map<Band, Map<Language, TeacherGuide>> guides)
        implements Serializable {

    public boolean hasBand(Band band) {
        return lessons.containsKey(band);
    }

    /** The lesson for a band in the wanted language, else in English (the validator guarantees English). */
    public Optional<Lesson> lesson(Band band, Language language) {
        Map<Language, Lesson> byLanguage = lessons.get(band);
        if (byLanguage == null) {
            return Optional.empty();
        }
        Lesson l = byLanguage.get(language);
        return Optional.ofNullable(l != null ? l : byLanguage.get(Language.EN));
    }

    /** The teacher's guide for a band in the wanted language, else in English. */
    public Optional<TeacherGuide> guide(Band band, Language language) {
        Map<Language, TeacherGuide> byLanguage = guides.get(band);
        if (byLanguage == null) {
            return Optional.empty();
        }
        TeacherGuide g = byLanguage.get(language);
        return Optional.ofNullable(g != null ? g : byLanguage.get(Language.EN));
    }

    /** The band this module has that is nearest to the wanted one. */
    public Band nearestBand(Band wanted) {
        return wanted.byCloseness().stream().filter(this::hasBand).findFirst().orElseThrow();
    }
}
