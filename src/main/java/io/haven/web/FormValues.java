package io.haven.web;

import java.util.Optional;

/** What forms send as text and the code reads as something else: one reading for every form. */
public final class FormValues {

    private FormValues() {}

    /**
     * A whole number typed or chosen in a form (an id in a select, a hidden version, a count): the spaces a
     * paste brings are dropped; empty when absent, blank or not a number.
     */
    public static Optional<Long> number(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.valueOf(raw.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
