package io.haven.classroom;

import io.haven.lesson.LessonModule;
import java.time.LocalDate;
import java.util.List;

/** What the teacher's class page shows. */
public record ClassView(
        Classroom classroom,
        String schoolName,
        LocalDate today,
        List<AssignmentRow> assignments,
        List<SeatRow> seats,
        List<QuestionRow> questions,
        List<ModuleOption> modules) {

    /** An assigned module, with its title in the class language. */
    public record AssignmentRow(Assignment assignment, String title, boolean outOfBand, boolean pastDue) {}

    /** One seat's line of the class table: a cell per assignment, in the same order. */
    public record SeatRow(Seat seat, List<Cell> cells) {}

    /** One seat and one module: not-started, read, completed (with scores) or overdue. */
    public record Cell(String state, Integer lastScore, Integer bestScore, Integer total) {
        public boolean isCompleted() {
            return "completed".equals(state);
        }
    }

    /** How the class did on one question (latest attempts); "most missed" when more than half got it wrong. */
    public record QuestionRow(String moduleTitle, String questionId, String text, long wrong, long answered) {
        public boolean isMostMissed() {
            return answered > 0 && wrong * 2 > answered;
        }
    }

    /** A module the teacher may assign; outside the class band it needs a confirmation. */
    public record ModuleOption(LessonModule module, String title, boolean inBand, String bands) {
        public String getId() {
            return module.id();
        }
    }

    public boolean hasSeats() {
        return !seats.isEmpty();
    }
}
