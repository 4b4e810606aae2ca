package io.haven.classroom;

import io.haven.staff.WorkspaceMsg;
import io.haven.web.Csv;
import java.util.ArrayList;
import java.util.List;

/**
 * The class table as CSV, in the teacher's language: lesson titles (not ids) in the headers, states in
 * words, and scores as "3 of 5", which no spreadsheet reads as a date (as it did "3/5"). Written by
 * {@link Csv}: BOM, quoting and formula defusing.
 */
final class ClassCsv {

    private ClassCsv() {}

    static String of(ClassView view, ClassroomMsg msg, WorkspaceMsg words) {
        List<String> header = new ArrayList<>();
        header.add(msg.classroom_csv_nickname());
        for (ClassView.AssignmentRow a : view.assignments()) {
            header.add(a.title() + " \u2013 " + msg.classroom_csv_status());
            header.add(a.title() + " \u2013 " + msg.classroom_csv_last_score());
            header.add(a.title() + " \u2013 " + msg.classroom_csv_best_score());
        }
        List<List<String>> rows = new ArrayList<>();
        for (ClassView.SeatRow s : view.seats()) {
            List<String> row = new ArrayList<>();
            row.add(s.seat().nickname);
            for (ClassView.Cell c : s.cells()) {
                row.add(state(c.state(), msg));
                row.add(score(c.lastScore(), c.total(), words));
                row.add(score(c.bestScore(), c.total(), words));
            }
            rows.add(row);
        }
        return Csv.of(header, rows);
    }

    static String score(Integer score, Integer total, WorkspaceMsg words) {
        return score == null || total == null ? "" : words.csv_score_value(score, total);
    }

    static String state(String state, ClassroomMsg msg) {
        return switch (state) {
            case "completed" -> msg.classroom_state_completed();
            case "read" -> msg.classroom_state_read();
            case "overdue" -> msg.classroom_state_overdue();
            default -> msg.classroom_state_not_started();
        };
    }
}
