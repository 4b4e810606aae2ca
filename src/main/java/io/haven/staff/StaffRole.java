package io.haven.staff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.stream.Stream;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.SqlTypes;

/** One role of a staff member, for one school (null school: DISTRICT_ADMIN). */
@Entity
@Table(name = "staff_role")
public class StaffRole extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "staff_id", nullable = false)
    public long staffId;

    @Column(name = "school_id")
    public Long schoolId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    public Role role;

    public static StaffRole of(long staffId, Long schoolId, Role role) {
        StaffRole r = new StaffRole();
        r.staffId = staffId;
        r.schoolId = role.perSchool() ? schoolId : null;
        r.role = role;
        return r;
    }

    public static List<StaffRole> listByStaff(long staffId) {
        return list("staffId = ?1 order by schoolId, role", staffId);
    }

    public static boolean exists(long staffId, Long schoolId, Role role) {
        return schoolId == null
                ? count("staffId = ?1 and schoolId is null and role = ?2", staffId, role) > 0
                : count("staffId = ?1 and schoolId = ?2 and role = ?3", staffId, schoolId, role) > 0;
    }

    /**
     * Whether any active account holds one of these roles (the first-run check, made at every start). In SQL: as
     * HQL it was the HQL parser's first use in the JVM, about 80 ms of the start's main thread (JFR,
     * docs/benchmarks.md).
     */
    public static boolean anyActiveWith(Role... roles) {
        return !getEntityManager()
                .createNativeQuery("SELECT 1 FROM staff_role r JOIN staff s ON s.id = r.staff_id WHERE s.active = TRUE"
                        + " AND s.password_hash IS NOT NULL AND r.role IN (:roles) LIMIT 1")
                .unwrap(NativeQuery.class)
                .setParameterList("roles", Stream.of(roles).map(Role::name).toList())
                .getResultList()
                .isEmpty();
    }
}
