package io.haven.staff;

import io.haven.audit.Actor;
import io.haven.audit.Audit;
import io.haven.web.Clock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A school administrator's changes to colleagues: second-factor reset, roles (cases they may no longer
 * open go back to the queue), deactivation (with the open cases reassigned) and reactivation. Each is audited without a case; each reassignment on its case.
 * The caller has checked that {@code me} is an ADMIN of the school.
 */
@ApplicationScoped
@Transactional
public class StaffManagement {

    /** Why a change was refused. */
    public enum Refusal {
        /** An administrator acting on their own account through these pages. */
        SELF,
        /** The school would be left without an active administrator. */
        LAST_ADMIN,
        /** The account also works for another school or the district: only its own roles here may change. */
        OTHER_SCHOOLS,
        /** No role chosen. */
        NO_ROLES,
        /** The chosen colleague cannot take the cases. */
        BAD_ASSIGNEE
    }

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    StaffNotices notices;

    @Inject
    Event<StaffChanged> changed;

    @Inject
    AssignedCases cases;

    /** The colleague, if they hold a role at the school (else the caller answers 404). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<Staff> member(long schoolId, long staffId) {
        return StaffRole.count("staffId = ?1 and schoolId = ?2", staffId, schoolId) > 0
                ? Staff.findByIdOptional(staffId)
                : java.util.Optional.empty();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<Role> rolesAt(long schoolId, long staffId) {
        return StaffRole.listByStaff(staffId).stream()
                .filter(r -> Objects.equals(r.schoolId, schoolId))
                .map(r -> r.role)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    /** Active, signed-up HANDLERs and ADMINs of the school other than {@code except}, by name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Staff> assignees(long schoolId, long except) {
        return Staff.list(
                "select distinct s from Staff s, StaffRole r where r.staffId = s.id and r.schoolId = ?1 "
                        + "and r.role in ?2 and s.active = true and s.passwordHash is not null and s.id <> ?3 "
                        + "order by s.displayName, s.email",
                schoolId,
                List.of(Role.HANDLER, Role.ADMIN),
                except);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long openCasesOf(long schoolId, long staffId) {
        return cases.openCasesOf(schoolId, staffId);
    }

    /**
     * Whether every role of the account is at this school. Only then may this school's administrator
     * touch what is account-wide (second factor, sessions, deactivation) or add roles: otherwise one
     * school could lock out or take over a colleague of another school or a district administrator.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean confinedTo(long schoolId, long staffId) {
        return StaffRole.listByStaff(staffId).stream().allMatch(r -> r.schoolId != null && r.schoolId == schoolId);
    }

    /** Clears the account's second factor and recovery codes and ends its sessions: it enrols again at the next sign-in. */
    public Refusal resetFactor(long schoolId, Staff me, Staff target) {
        if (me.id.equals(target.id)) {
            return Refusal.SELF;
        }
        if (!confinedTo(schoolId, target.id)) {
            return Refusal.OTHER_SCHOOLS;
        }
        Staff t = Staff.findById(target.id);
        t.totpSecret = null;
        t.totpEnrolledAt = null;
        t.totpLastStep = 0;
        t.sessionEpoch++;
        RecoveryCode.deleteByStaff(t.id);
        audit.record(Actor.staff(me.id), schoolId, null, "FACTOR_RESET", "staff " + t.id);
        notices.tell(schoolId, me, t, m -> m.admin_change_factor());
        return null;
    }

    /** Sets the colleague's roles at this school (TEACHER, HANDLER, ADMIN). */
    public Refusal setRoles(long schoolId, Staff me, Staff target, Set<Role> wanted) {
        Set<Role> roles = wanted.stream()
                .filter(Role::perSchool)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        if (roles.isEmpty()) {
            return Refusal.NO_ROLES;
        }
        Set<Role> before = rolesAt(schoolId, target.id);
        // Someone who also works elsewhere consented to the roles they hold here: this school may narrow
        // them, never add to them (new roles go through an offer the owner accepts).
        if (!confinedTo(schoolId, target.id) && !before.containsAll(roles)) {
            return Refusal.OTHER_SCHOOLS;
        }
        if (before.contains(Role.ADMIN) && !roles.contains(Role.ADMIN) && otherActiveAdmins(schoolId, target.id) == 0) {
            return Refusal.LAST_ADMIN;
        }
        if (before.equals(roles)) {
            return null;
        }
        for (Role r : before) {
            if (!roles.contains(r)) {
                StaffRole.delete("staffId = ?1 and schoolId = ?2 and role = ?3", target.id, schoolId, r);
            }
        }
        for (Role r : roles) {
            if (!before.contains(r)) {
                StaffRole.of(target.id, schoolId, r).persist();
            }
        }
        audit.record(
                Actor.staff(me.id), schoolId, null, "ROLES", "staff " + target.id + ": " + before + " -> " + roles);
        notices.tell(schoolId, me, target, m -> m.admin_change_roles(notices.roleNames(target, roles)));
        // Cases they may no longer open go back to the queue (casework decides which, and audits each move).
        changed.fire(StaffChanged.roles(schoolId, me.id, target.id, roles));
        return null;
    }

    /**
     * Deactivates the colleague: no more sign-in, every session ended, unused links retired, and their
     * open cases at this school go to {@code reassignTo} (or back to the queue when null, or when that
     * colleague may not see a case: a concern about them, or about an adult when they are no ADMIN).
     */
    public Refusal deactivate(long schoolId, Staff me, Staff target, Long reassignTo) {
        if (me.id.equals(target.id)) {
            return Refusal.SELF;
        }
        if (!confinedTo(schoolId, target.id)) {
            return Refusal.OTHER_SCHOOLS;
        }
        if (rolesAt(schoolId, target.id).contains(Role.ADMIN) && otherActiveAdmins(schoolId, target.id) == 0) {
            return Refusal.LAST_ADMIN;
        }
        if (reassignTo != null && assignees(schoolId, target.id).stream().noneMatch(s -> s.id.equals(reassignTo))) {
            return Refusal.BAD_ASSIGNEE;
        }
        Instant now = clock.now();
        Staff t = Staff.findById(target.id);
        t.active = false;
        t.sessionEpoch++;
        StaffToken.retire(t.id, StaffToken.Purpose.INVITE, now);
        StaffToken.retire(t.id, StaffToken.Purpose.RESET, now);
        StaffChanged event = StaffChanged.deactivated(schoolId, me.id, t.id, reassignTo);
        changed.fire(event);
        audit.record(
                Actor.staff(me.id),
                schoolId,
                null,
                "DEACTIVATE",
                "staff " + t.id + ", open cases " + event.openCases() + ", to staff "
                        + (reassignTo == null ? "none" : reassignTo) + " " + event.toColleague());
        notices.tell(schoolId, me, t, m -> m.admin_change_deactivated());
        return null;
    }

    public Refusal reactivate(long schoolId, Staff me, Staff target) {
        if (me.id.equals(target.id)) {
            return Refusal.SELF;
        }
        if (!confinedTo(schoolId, target.id)) {
            return Refusal.OTHER_SCHOOLS;
        }
        Staff t = Staff.findById(target.id);
        if (!t.active) {
            t.active = true;
            audit.record(Actor.staff(me.id), schoolId, null, "REACTIVATE", "staff " + t.id);
            notices.tell(schoolId, me, t, m -> m.admin_change_reactivated());
        }
        return null;
    }

    private static long otherActiveAdmins(long schoolId, long except) {
        return StaffRole.count(
                "select count(distinct s.id) from StaffRole r, Staff s where r.staffId = s.id and r.schoolId = ?1 "
                        + "and r.role = ?2 and s.active = true and s.passwordHash is not null and s.id <> ?3",
                schoolId,
                Role.ADMIN,
                except);
    }
}
