package io.haven.casework;

import io.haven.report.CaseStatus;
import io.haven.report.Category;
import io.haven.report.Outcome;
import java.time.Instant;

/**
 * The columns of a case that the case list shows, read without the encrypted texts: loading whole
 * cases made Hibernate read and keep four MEDIUMTEXT columns per row that the list never shows.
 */
public record CaseListItem(
        Long id,
        int number,
        long schoolId,
        Category category,
        CaseStatus status,
        Outcome outcome,
        boolean urgent,
        boolean volumeFlagged,
        boolean legalHold,
        Instant createdAt,
        Instant acknowledgeBy,
        Long assigneeId) {

    /** The HQL select clause that builds this record from a {@code ReportCase}. */
    static final String SELECT = "select new " + CaseListItem.class.getName()
            + "(id, number, schoolId, category, status, outcome, urgent, volumeFlagged, legalHold, createdAt, acknowledgeBy,"
            + " assigneeId) from ReportCase where ";
}
