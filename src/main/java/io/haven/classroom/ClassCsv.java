package io.haven.classroom;

import java.util.ArrayList;
import java.util.List;

/**
 * The class table as CSV. A cell that a spreadsheet would read as a formula (=, +, -, @, tab, carriage
 * return first) gets a leading apostrophe, so a nickname like "=HYPERLINK(...)" stays text.
 */
final class ClassCsv {

    private ClassCsv() {
    }

    static String of(ClassView view, ClassroomMsg msg) {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add(msg.classroom_csv_nickname());
        for (ClassView.AssignmentRow a : view.assignments()) {
            header.add(a.assignment().moduleId + " " + msg.classroom_csv_status());
            header.add(a.assignment().moduleId + " " + msg.classroom_csv_last_score());
            header.add(a.assignment().moduleId + " " + msg.classroom_csv_best_score());
        }
        line(sb, header);
        for (ClassView.SeatRow s : view.seats()) {
            List<String> row = new ArrayList<>();
            row.add(s.seat().nickname);
            for (ClassView.Cell c : s.cells()) {
                row.add(state(c.state(), msg));
                row.add(c.lastScore() == null ? "" : c.lastScore() + "/" + c.total());
                row.add(c.bestScore() == null ? "" : c.bestScore() + "/" + c.total());
            }
            line(sb, row);
        }
        return sb.toString();
    }

    static String state(String state, ClassroomMsg msg) {
        return switch (state) {
            case "completed" -> msg.classroom_state_completed();
            case "read" -> msg.classroom_state_read();
            case "overdue" -> msg.classroom_state_overdue();
            default -> msg.classroom_state_not_started();
        };
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells.get(i)));
        }
        sb.append("\r\n");
    }

    /** One cell: formula-looking text defused, then quoted when it holds a comma, a quote or a line break. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
