package io.haven.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A graded quiz: each question with the choice made (or none), right or wrong. */
public record QuizResult(List<Answer> answers) {

    public record Answer(QuizQuestion question, Integer chosen) {
        public boolean missing() {
            return chosen == null;
        }

        public boolean correct() {
            return chosen != null && chosen == question.answer();
        }

        public boolean isChosen(int index) {
            return chosen != null && chosen == index;
        }
    }

    /** Grades on the server; a choice that is absent, not a number or out of range counts as not answered. */
    public static QuizResult grade(Lesson lesson, Map<String, String> form) {
        List<Answer> out = new ArrayList<>();
        for (QuizQuestion q : lesson.quiz()) {
            Integer chosen = null;
            String v = form.get(field(q));
            if (v != null) {
                try {
                    int i = Integer.parseInt(v.strip());
                    if (i >= 0 && i < q.choices().size()) {
                        chosen = i;
                    }
                } catch (NumberFormatException ignored) {
                    // not a choice: left unanswered
                }
            }
            out.add(new Answer(q, chosen));
        }
        return new QuizResult(List.copyOf(out));
    }

    public static String field(QuizQuestion q) {
        return "q." + q.id();
    }

    public static QuizResult empty(Lesson lesson) {
        return new QuizResult(
                lesson.quiz().stream().map(q -> new Answer(q, null)).toList());
    }

    public boolean complete() {
        return answers.stream().noneMatch(Answer::missing);
    }

    public long missingCount() {
        return answers.stream().filter(Answer::missing).count();
    }

    public long score() {
        return answers.stream().filter(Answer::correct).count();
    }

    public int total() {
        return answers.size();
    }
}
