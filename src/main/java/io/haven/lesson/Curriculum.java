package io.haven.lesson;

import io.haven.web.Band;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything loaded from content/: modules in catalogue order, law sheets, help directories and staff
 * duties by jurisdiction, and the glossary the lessons are checked against.
 */
public record Curriculum(
        List<LessonModule> modules,
        Map<String, LawSheet> law,
        Map<String, HelpDirectory> help,
        Glossary glossary,
        Map<String, DutySheet> duties)
        implements Serializable {

    /** The duties of a jurisdiction (none when it has no file). */
    public List<Duty> dutiesOf(String jurisdiction) {
        DutySheet s = jurisdiction == null ? null : duties.get(jurisdiction);
        return s == null ? List.of() : s.duties();
    }

    /** A duty by its id, in any jurisdiction. */
    public Optional<Duty> duty(String id) {
        return duties.values().stream()
                .flatMap(s -> s.duties().stream())
                .filter(d -> d.id().equals(id))
                .findFirst();
    }

    public Optional<LessonModule> module(String id) {
        return modules.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public List<LessonModule> forBand(Band band) {
        return modules.stream().filter(m -> m.hasBand(band)).toList();
    }
}
