package io.haven.report;

/** Where a case stands; the reporter sees each in plain words. */
public enum CaseStatus {
    NEW,
    ACKNOWLEDGED,
    IN_PROGRESS,
    REFERRED,
    CLOSED;

    /** The status a form or query names by its key ("in_progress"), if any. */
    public static java.util.Optional<CaseStatus> ofKey(String key) {
        return java.util.Arrays.stream(values())
                .filter(s -> s.getKey().equals(key))
                .findFirst();
    }

    public String getKey() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** How staff pages say it. */
    public String getStaffKey() {
        return "case_status_" + getKey();
    }

    /** How the reporter's follow-up page says it. */
    public String getReporterKey() {
        return "report_status_" + getKey();
    }
}
