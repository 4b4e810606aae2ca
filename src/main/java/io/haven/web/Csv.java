package io.haven.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one CSV writer of the staff exports (class progress, audit log). A UTF-8 byte order mark first, so
 * spreadsheet programs open Korean and French text in the right encoding; CRLF lines, quotes where needed
 * (RFC 4180, Commons CSV); and every cell that a spreadsheet would read as a formula (=, +, -, @, tab or
 * carriage return first) gets a leading apostrophe, so a nickname like "=HYPERLINK(...)" stays text.
 */
public final class Csv {

    /** U+FEFF, written as the first character of the body. */
    public static final String BOM = "\uFEFF";

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private Csv() {}

    /** The whole file: BOM, header, rows. */
    public static String of(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder(BOM);
        try (CSVPrinter p = new CSVPrinter(out, FORMAT)) {
            p.printRecord(header.stream().map(Csv::defuse).toList());
            for (List<String> row : rows) {
                p.printRecord(row.stream().map(Csv::defuse).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A cell with formula-looking text made plain text. */
    public static String defuse(String value) {
        String v = value == null ? "" : value;
        return !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
    }
}
