package io.haven.classroom;

import java.time.LocalDate;
import java.util.List;

/** A seat's own page: its class, assignments, due dates and progress. Nothing about other seats. */
public record MyView(Seat seat, Classroom classroom, List<Row> rows) {

    public record Row(
            String title,
            String href,
            LocalDate dueOn,
            boolean overdue,
            String state,
            Integer lastScore,
            Integer bestScore,
            Integer total) {}
}
