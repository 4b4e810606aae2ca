package io.haven.report;

import java.util.Arrays;
import java.util.Optional;

/** How a closed case ended. Kept after retention purges the content, for statistics. */
public enum Outcome {
    RESOLVED,
    UNSUBSTANTIATED,
    FALSE_OR_MALICIOUS,
    DUPLICATE;

    /** The outcome a form names by its key ("false_or_malicious"), if any. */
    public static Optional<Outcome> ofKey(String key) {
        return Arrays.stream(values()).filter(o -> o.getKey().equals(key)).findFirst();
    }

    public String getKey() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** How staff pages say it. */
    public String getStaffKey() {
        return "case_outcome_" + getKey();
    }
}
