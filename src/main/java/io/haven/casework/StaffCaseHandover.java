package io.haven.casework;

import io.haven.audit.Actor;
import io.haven.audit.Audit;
import io.haven.report.CaseStatus;
import io.haven.report.Category;
import io.haven.report.ReportCase;
import io.haven.staff.AssignedCases;
import io.haven.staff.Role;
import io.haven.staff.StaffChanged;
import io.haven.staff.StaffRole;
import io.haven.web.Clock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Moves a colleague's open cases when an administrator changes them, so none waits on someone who cannot
 * see it: all of them when they no longer handle cases or are deactivated, concerns about an adult when they
 * are no longer ADMIN. Each move is audited on its case. Runs inside the staff change's transaction.
 */
@ApplicationScoped
public class StaffCaseHandover implements AssignedCases {

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Override
    public long openCasesOf(long schoolId, long staffId) {
        return ReportCase.count(
                "schoolId = ?1 and assigneeId = ?2 and status <> ?3", schoolId, staffId, CaseStatus.CLOSED);
    }

    void onChange(@Observes StaffChanged e) {
        Instant now = clock.now();
        List<ReportCase> open = openCasesAssignedTo(e.schoolId(), e.targetId());
        if (e.kind() == StaffChanged.Kind.ROLES) {
            Set<Role> roles = e.roles();
            boolean handles = roles.contains(Role.HANDLER) || roles.contains(Role.ADMIN);
            if (!handles || !roles.contains(Role.ADMIN)) {
                for (ReportCase c : open) {
                    if (!handles || c.category == Category.ADULT_CONCERN) {
                        reassign(e, c, null, now);
                    }
                }
            }
            return;
        }
        Long reassignTo = e.reassignTo();
        boolean newIsAdmin = reassignTo != null && StaffRole.exists(reassignTo, e.schoolId(), Role.ADMIN);
        int toColleague = 0;
        for (ReportCase c : open) {
            Long next = reassignTo;
            if (next != null
                    && (next.equals(c.aboutStaffId) || (c.category == Category.ADULT_CONCERN && !newIsAdmin))) {
                next = null;
            }
            reassign(e, c, next, now);
            if (next != null) {
                toColleague++;
            }
        }
        e.moved(open.size(), toColleague);
    }

    private static List<ReportCase> openCasesAssignedTo(long schoolId, long staffId) {
        return ReportCase.list(
                "schoolId = ?1 and assigneeId = ?2 and status <> ?3", schoolId, staffId, CaseStatus.CLOSED);
    }

    /** Moves one case to {@code next} (null: back to the queue), audited on the case. */
    private void reassign(StaffChanged e, ReportCase c, Long next, Instant now) {
        audit.record(
                Actor.of(e.actorId()),
                e.schoolId(),
                c.id,
                "REASSIGN",
                "assignee " + c.assigneeId + " -> " + (next == null ? "none" : next));
        c.assigneeId = next;
        c.updatedAt = now;
    }
}
