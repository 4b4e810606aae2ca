package io.haven.lesson;

import io.haven.web.Band;

/**
 * What a lesson page shows: the lesson, the facts and help for the reader's jurisdiction, and the
 * state of the quiz form (answers kept after an incomplete submission). {@code guideLink}: the reader's browser
 * carries a staff session, so the page links to the teacher's guide (such a page is never cached).
 */
public record LessonView(
        LessonModule module,
        Lesson lesson,
        boolean translationMissing,
        LawSheet law,
        HelpDirectory help,
        QuizResult quiz,
        boolean quizIncomplete,
        boolean csrfExpired,
        boolean guideLink) {

    /** The quiz came back with an error (unanswered questions or an expired form): the page title says so. */
    public boolean formFailed() {
        return quizIncomplete || csrfExpired;
    }

    /** Ages 5-7 get the story-first page: larger type, pictures, teacher material folded away. */
    public boolean youngest() {
        return lesson.band() == Band.AGES_5_7;
    }

    /** Read aloud is offered to the two younger bands. */
    public boolean readAloud() {
        return lesson.band().ordinal() <= Band.AGES_8_10.ordinal();
    }

    /** Young readers get the one plain sentence of law, never a table of penalties (CONTENT.md section 1). */
    public boolean lawTable() {
        return lesson.band().ordinal() >= Band.AGES_11_13.ordinal();
    }
}
