package io.haven.lesson;

import java.io.Serializable;
import java.time.LocalDate;

/** One legal fact, as data with its source, so lessons never copy a penalty into prose. */
public record LawFact(
        String id,
        String jurisdiction,
        String act,
        String protects,
        Localized offence,
        Localized penalty,
        Localized statute,
        LocalDate inForce,
        String source,
        LocalDate reviewed,
        String status,
        Localized note)
        implements Serializable {

    /** A fact not checked against its source for over a year is due for review. */
    public boolean dueForReview(LocalDate today) {
        return reviewed.plusMonths(12).isBefore(today);
    }

    public boolean needsReview() {
        return "needs-review".equals(status);
    }
}
