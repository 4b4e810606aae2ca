package io.haven.report;

import static io.haven.web.Columns.truth;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;

/**
 * What a new report needs from its school's row, read under the row's lock in the report's own
 * transaction: the next case number, whether a flagged report starts a new volume wave, what the
 * notification may say (name, language, and whether the category may appear: read here, never from a
 * cache) and the school's deadlines for the category. One locking read and one update, where it was five
 * statements (two updates for the wave, the counter's update and read, the deadlines) and one more in
 * routing for the school. The lock is held to the end of the transaction: two reports of one school never
 * take the same number, and the next flagged report waits, then sees this one's wave.
 */
public record SchoolTurn(
        int number,
        boolean volumeAlert,
        String name,
        String defaultLanguage,
        boolean notifyCategory,
        SchoolDeadline.Times times) {

    /**
     * Takes the school's next case number for a report of this category at {@code now}; {@code flagged}: the
     * report is over the school's hourly volume, and the wave starts with it unless a flagged report came in
     * the hour before.
     */
    static SchoolTurn take(long schoolId, Category category, Instant now, boolean flagged) {
        EntityManager em = ReportCase.getEntityManager();
        Object[] row = (Object[]) em.createNativeQuery("SELECT s.last_case_number, s.name, s.default_language,"
                        + " s.notify_category,"
                        + " CASE WHEN s.volume_flagged_at IS NULL OR s.volume_flagged_at < ?3 THEN 1 ELSE 0 END,"
                        + " (SELECT d.acknowledge_minutes FROM school_deadline d"
                        + " WHERE d.school_id = s.id AND d.category = ?2),"
                        + " (SELECT d.review_minutes FROM school_deadline d"
                        + " WHERE d.school_id = s.id AND d.category = ?2)"
                        + " FROM school s WHERE s.id = ?1 FOR UPDATE")
                .setParameter(1, schoolId)
                .setParameter(2, category.name())
                .setParameter(3, now.minus(Duration.ofHours(1)))
                .getSingleResult();
        int number = ((Number) row[0]).intValue() + 1;
        boolean waveStarts = flagged && truth(row[4]);
        if (flagged) {
            // GREATEST ignores no NULL in MariaDB (it returns NULL), hence the COALESCE; a node whose clock
            // is behind never moves the mark back.
            em.createNativeQuery("UPDATE school SET last_case_number = ?1,"
                            + " volume_flagged_at = COALESCE(GREATEST(volume_flagged_at, ?2), ?2) WHERE id = ?3")
                    .setParameter(1, number)
                    .setParameter(2, now)
                    .setParameter(3, schoolId)
                    .executeUpdate();
        } else {
            em.createNativeQuery("UPDATE school SET last_case_number = ?1 WHERE id = ?2")
                    .setParameter(1, number)
                    .setParameter(2, schoolId)
                    .executeUpdate();
        }
        SchoolDeadline.Times times = row[5] == null || row[6] == null
                ? new SchoolDeadline.Times(category.acknowledgeWithin, category.reviewWithin)
                : new SchoolDeadline.Times(
                        Duration.ofMinutes(((Number) row[5]).longValue()),
                        Duration.ofMinutes(((Number) row[6]).longValue()));
        return new SchoolTurn(number, waveStarts, (String) row[1], (String) row[2], truth(row[3]), times);
    }
}
