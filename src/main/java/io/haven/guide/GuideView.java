package io.haven.guide;

import io.haven.lesson.Lesson;
import io.haven.lesson.LessonModule;
import io.haven.lesson.QuizQuestion;
import io.haven.lesson.TeacherGuide;
import io.haven.web.Band;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A guide page: the lesson's own prompts and questions beside the guide's text, so that the guide
 * never has to repeat them (and cannot drift from them).
 */
public record GuideView(
        LessonModule module, Lesson lesson, TeacherGuide guide, boolean translationMissing, List<Band> otherBands) {

    /** A discussion prompt of the lesson and what good answers sound like. */
    public record Prompt(String text, String goodAnswers) {}

    /** A quiz question of the lesson, its correct choice and explanation, and the misconception behind each wrong one. */
    public record Question(QuizQuestion question, String correct, List<WrongChoice> wrong) {}

    /** A wrong choice's text and the misconception it targets. */
    public record WrongChoice(String text, String misconception) {}

    public List<Prompt> getPrompts() {
        return IntStream.range(0, lesson.discussion().size())
                .mapToObj(i -> new Prompt(
                        lesson.discussion().get(i), guide.goodAnswers().get(i)))
                .toList();
    }

    public List<Question> getQuestions() {
        return IntStream.range(0, lesson.quiz().size())
                .mapToObj(i -> {
                    QuizQuestion q = lesson.quiz().get(i);
                    TeacherGuide.AnswerKey key = guide.answerKey().get(i);
                    List<WrongChoice> wrong = IntStream.range(0, q.choices().size())
                            .filter(c -> c != q.answer())
                            .mapToObj(c -> new WrongChoice(
                                    q.choices().get(c),
                                    key.forChoice(c)
                                            .map(TeacherGuide.Wrong::misconception)
                                            .orElse("")))
                            .toList();
                    return new Question(q, q.choices().get(q.answer()), wrong);
                })
                .toList();
    }
}
