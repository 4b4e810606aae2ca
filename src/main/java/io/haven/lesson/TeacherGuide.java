package io.haven.lesson;

import io.haven.web.Band;
import io.haven.web.Language;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The teacher's guide to one lesson (module, band, language), from
 * {@code content/modules/<id>/guide/<band>.<lang>.md}. It never repeats the lesson's own prompts,
 * questions or answers: the guide page shows those from the lesson, beside the guide's text.
 */
public record TeacherGuide(
        String moduleId,
        Band band,
        Language language,
        int minutes,
        List<Step> timing,
        List<String> groundRules,
        List<String> say,
        List<String> avoid,
        String tell,
        List<String> goodAnswers,
        List<AnswerKey> answerKey,
        List<String> support,
        List<String> stretch,
        String html)
        implements Serializable {

    /** One step of the lesson plan. */
    public record Step(int minutes, String step) implements Serializable {}

    /** What each wrong choice of one quiz question targets. */
    public record AnswerKey(String id, List<Wrong> wrong) implements Serializable {

        public Optional<Wrong> forChoice(int choice) {
            return wrong.stream().filter(w -> w.choice() == choice).findFirst();
        }
    }

    /** A wrong choice (0-based index into the lesson's choices) and the misconception behind it. */
    public record Wrong(int choice, String misconception) implements Serializable {}

    public boolean hasNotes() {
        return !html.isBlank();
    }
}
