package io.haven.report;

/** Fired inside the transaction that stores a reporter's reply; carries no content. */
public record ReporterReplied(long caseId, long schoolId) {}
