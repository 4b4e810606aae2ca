package io.haven.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.util.Optional;

/**
 * A school's own acknowledge-by and review-by times for one category. A category without a row keeps
 * the defaults of {@link Category}.
 */
@Entity
@Table(name = "school_deadline")
public class SchoolDeadline extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "school_id", nullable = false)
    public long schoolId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public Category category;

    @Column(name = "acknowledge_minutes", nullable = false)
    public int acknowledgeMinutes;

    @Column(name = "review_minutes", nullable = false)
    public int reviewMinutes;

    /** The times that apply to a category at a school. */
    public record Times(Duration acknowledgeWithin, Duration reviewWithin) {}

    public static Optional<SchoolDeadline> find(long schoolId, Category category) {
        return find("schoolId = ?1 and category = ?2", schoolId, category).firstResultOptional();
    }

    /** The school's times for the category, or the category's defaults. */
    public static Times effective(long schoolId, Category category) {
        return find(schoolId, category)
                .map(d -> new Times(Duration.ofMinutes(d.acknowledgeMinutes), Duration.ofMinutes(d.reviewMinutes)))
                .orElse(new Times(category.acknowledgeWithin, category.reviewWithin));
    }
}
