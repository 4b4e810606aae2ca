package io.haven.report;

/** Where a case stands; the reporter sees each in plain words. */
public enum CaseStatus {
    NEW, ACKNOWLEDGED, IN_PROGRESS, CLOSED;

    public String getKey() {
        return name().toLowerCase();
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
