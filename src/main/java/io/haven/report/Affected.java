package io.haven.report;

import java.util.Arrays;
import java.util.Optional;

/** Who the report is about, as the reporter says. */
public enum Affected {
    ME("me"),
    FRIEND("friend"),
    SOMEONE_ELSE("someone-else");

    public final String id;

    Affected(String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    public String getKey() {
        return id.replace('-', '_');
    }

    public String getLabelKey() {
        return "report_affected_" + getKey();
    }

    public static Optional<Affected> of(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
    }
}
