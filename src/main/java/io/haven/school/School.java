package io.haven.school;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A school: the tenant that owns reports, staff and classes, and decides the jurisdiction its pupils see. */
@Entity
@Table(name = "school")
public class School extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 60)
    public String slug;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 8)
    public String jurisdiction;

    @Column(name = "default_language", nullable = false, length = 8)
    public String defaultLanguage;

    @Column(name = "time_zone", nullable = false, length = 60)
    public String timeZone;

    @Column(name = "quick_exit_url", length = 500)
    public String quickExitUrl;

    @Column(name = "emergency_number", length = 40)
    public String emergencyNumber;

    /** Whether new-report mail may name the category (off by default: the mail says nothing of the content). */
    @Column(name = "notify_category", nullable = false)
    public boolean notifyCategory;

    /** How often an overdue urgent case is escalated to the administrators again, until acknowledged. */
    @Column(name = "escalation_interval_minutes", nullable = false)
    public int escalationIntervalMinutes = 240;

    /** How long a closed case's content is kept before the retention job deletes it. */
    @Column(name = "retention_days", nullable = false)
    public int retentionDays = 365;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<School> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public static List<School> listByName() {
        return list("order by name");
    }
}
