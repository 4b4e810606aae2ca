package io.haven.casework;

/** The normalisation the case page's forms share: typed text and the hidden fields, as the workflow reads them. */
final class FormText {

    private FormText() {}

    /** Typed text with Windows line ends made plain and the surrounding spaces dropped; absent is empty. */
    static String text(String raw) {
        return io.haven.web.WrittenText.Check.kept(raw);
    }

    /** A staff member's id from a select; -1 when absent or garbled. */
    static long staffId(String raw) {
        return io.haven.web.FormValues.number(raw).orElse(-1L);
    }

    /** The version of the case the form was shown with (a hidden field); null when absent or garbled. */
    static Long version(String raw) {
        return io.haven.web.FormValues.number(raw).orElse(null);
    }
}
