package io.haven.report;

import java.security.SecureRandom;
import java.time.ZonedDateTime;

/**
 * A receipt code: 16 random digits, shown once grouped by four, never stored in clear (only its
 * keyed hash is kept). 10^16 codes make guessing hopeless, and look-ups are rate-limited too.
 */
public record Receipt(String digits, ZonedDateTime acknowledgeBy) {

    public Receipt(String digits) {
        this(digits, null);
    }

    /** The same code with the time staff will have read the report by (the school's acknowledgement deadline). */
    Receipt readBy(ZonedDateTime when) {
        return new Receipt(digits, when);
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    public static Receipt random() {
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(RANDOM.nextInt(10));
        }
        return new Receipt(sb.toString());
    }

    /** What a person typed, with spaces and dashes removed; null when it cannot be a receipt. */
    public static Receipt parse(String typed) {
        if (typed == null) {
            return null;
        }
        String d = typed.replaceAll("[\\s-]", "");
        return d.matches("[0-9]{16}") ? new Receipt(d) : null;
    }

    public String getGrouped() {
        return digits.substring(0, 4) + " " + digits.substring(4, 8) + " " + digits.substring(8, 12) + " "
                + digits.substring(12);
    }
}
