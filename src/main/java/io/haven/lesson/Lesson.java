package io.haven.lesson;

import io.haven.web.Band;
import io.haven.web.Language;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * One module in one band and one language, with its Markdown already rendered to HTML at start-up,
 * so a lesson page reads nothing from disk and parses nothing.
 */
public record Lesson(
        String moduleId,
        Band band,
        Language language,
        String title,
        String summary,
        int minutes,
        String essentialQuestion,
        List<String> objectives,
        List<Term> vocabulary,
        List<String> discussion,
        String familyNote,
        List<QuizQuestion> quiz,
        String html)
        implements Serializable {

    public Optional<QuizQuestion> question(String id) {
        return quiz.stream().filter(q -> q.id().equals(id)).findFirst();
    }
}
