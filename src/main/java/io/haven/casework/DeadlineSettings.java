package io.haven.casework;

import io.haven.audit.Actor;
import io.haven.audit.Audit;
import io.haven.report.Category;
import io.haven.report.SchoolDeadline;
import io.haven.school.School;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A school's deadlines, escalation interval and retention, saved together with their audit row. */
@ApplicationScoped
@Transactional
public class DeadlineSettings {

    @Inject
    Audit audit;

    /** Hours per category (checked by the caller), the escalation interval in hours and retention in days. */
    public void save(
            long schoolId, Actor actor, List<DeadlinesResource.Row> rows, int intervalHours, int retentionDays) {
        for (DeadlinesResource.Row r : rows) {
            store(schoolId, r.category(), Integer.parseInt(r.ack()), Integer.parseInt(r.review()));
        }
        School school = School.findById(schoolId);
        school.escalationIntervalMinutes = intervalHours * 60;
        school.retentionDays = retentionDays;
        audit.record(
                actor,
                schoolId,
                null,
                "DEADLINES",
                "escalation every " + intervalHours + " h, retention " + retentionDays + " days");
    }

    /** A row only where the school differs from the category's defaults, so the defaults keep applying. */
    private static void store(long schoolId, Category category, int ackHours, int reviewHours) {
        Optional<SchoolDeadline> row = SchoolDeadline.find(schoolId, category);
        boolean isDefault = Duration.ofHours(ackHours).equals(category.acknowledgeWithin)
                && Duration.ofHours(reviewHours).equals(category.reviewWithin);
        if (isDefault) {
            row.ifPresent(d -> d.delete());
            return;
        }
        SchoolDeadline d = row.orElseGet(() -> {
            SchoolDeadline fresh = new SchoolDeadline();
            fresh.schoolId = schoolId;
            fresh.category = category;
            return fresh;
        });
        d.acknowledgeMinutes = ackHours * 60;
        d.reviewMinutes = reviewHours * 60;
        if (d.id == null) {
            d.persist();
        }
    }
}
