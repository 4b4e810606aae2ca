package io.haven.lesson;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything loaded from content/: modules in catalogue order, law sheets and help directories by jurisdiction. */
public record Curriculum(List<LessonModule> modules, Map<String, LawSheet> law, Map<String, HelpDirectory> help,
        Glossary glossary) {

    public Optional<LessonModule> module(String id) {
        return modules.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public List<LessonModule> forBand(Band band) {
        return modules.stream().filter(m -> m.hasBand(band)).toList();
    }
}
