package io.haven.staff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Roles a school offers to an account that already exists. Until its owner accepts while signed in,
 * the offer grants nothing: an administrator can never make someone a member of their school alone.
 */
@Entity
@Table(name = "staff_role_offer")
public class StaffRoleOffer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "staff_id", nullable = false)
    public long staffId;

    @Column(name = "school_id", nullable = false)
    public long schoolId;

    /** Comma-separated role names (TEACHER, HANDLER, ADMIN). */
    @Column(nullable = false, length = 60)
    public String roles;

    /** Who offered (null: the provisioning file). */
    @Column(name = "offered_by")
    public Long offeredBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    public Set<Role> roleSet() {
        return Arrays.stream(roles.split(","))
                .filter(s -> !s.isBlank())
                .map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    public List<Role> getRoleList() {
        return List.copyOf(roleSet());
    }

    public void setRoleSet(Collection<Role> set) {
        roles = set.stream().filter(Role::perSchool).sorted().map(Role::name).collect(Collectors.joining(","));
    }

    public boolean openAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    public static Optional<StaffRoleOffer> findFor(long staffId, long schoolId) {
        return find("staffId = ?1 and schoolId = ?2", staffId, schoolId).firstResultOptional();
    }

    public static List<StaffRoleOffer> listOpenFor(long staffId, Instant now) {
        return list("staffId = ?1 and expiresAt > ?2 order by createdAt", staffId, now);
    }

    public static List<StaffRoleOffer> listOpenAt(long schoolId, Instant now) {
        return list("schoolId = ?1 and expiresAt > ?2 order by createdAt", schoolId, now);
    }
}
