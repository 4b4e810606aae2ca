package io.haven.report;

/**
 * Fired inside the transaction that stores a new report, so routing can queue the handlers' mail in
 * the same transaction. Carries no content: only what a notification may say, with the school as its
 * row was read under the lock ({@code school}: its name, language and whether the category may be
 * named, so routing reads the row no second time). {@code volumeAlert} is set on the report that takes
 * the school past its hourly volume, not on every flagged one after it: a wave of reports after an
 * incident must not also bury the administrators' inboxes.
 */
public record ReportSubmitted(
        long caseId, long schoolId, Category category, boolean urgent, boolean volumeAlert, SchoolTurn school) {}
