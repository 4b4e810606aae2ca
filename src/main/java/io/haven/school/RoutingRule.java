package io.haven.school;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** Sends a category of report (or, with no category, any report no other rule takes) to a staff member. */
@Entity
@Table(name = "routing_rule")
public class RoutingRule extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "school_id", nullable = false)
    public long schoolId;

    /** A report category id, or null for the school's default. */
    @Column(length = 30)
    public String category;

    @Column(name = "staff_id", nullable = false)
    public long staffId;

    public static List<RoutingRule> listBySchool(long schoolId) {
        return list("schoolId = ?1 order by category, staffId", schoolId);
    }

    public static List<Long> staffFor(long schoolId, String category) {
        List<RoutingRule> rules = category == null
                ? list("schoolId = ?1 and category is null", schoolId)
                : list("schoolId = ?1 and category = ?2", schoolId, category);
        return rules.stream().map(r -> r.staffId).toList();
    }
}
