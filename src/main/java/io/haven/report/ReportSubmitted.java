package io.haven.report;

/**
 * Fired inside the transaction that stores a new report, so routing can queue the handlers' mail in
 * the same transaction. Carries no content: only what a notification may say.
 */
public record ReportSubmitted(long caseId, long schoolId, Category category, boolean urgent, boolean volumeFlagged) {
}
