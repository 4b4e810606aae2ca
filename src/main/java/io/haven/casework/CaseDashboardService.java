package io.haven.casework;

import io.haven.report.CaseStatus;
import io.haven.report.Category;
import io.haven.school.SchoolDirectory;
import io.haven.staff.CaseDashboard;
import io.haven.staff.Role;
import io.haven.staff.Staff;
import io.haven.staff.StaffSession;
import io.haven.web.Clock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The staff home's case figures, under the same access rule as the case list. */
@ApplicationScoped
public class CaseDashboardService implements CaseDashboard {

    @Inject
    StaffSession session;

    @Inject
    SchoolDirectory schools;

    @Inject
    Clock clock;

    /** The case list's access rule as HQL over ReportCase, with its first four parameters. */
    private record Access(String where, List<Object> params) {}

    private Access access() {
        Staff me = session.requireSignedIn();
        List<Long> handled = session.schoolsWithRole(Role.HANDLER, Role.ADMIN);
        List<Long> admin = session.schoolsWithRole(Role.ADMIN);
        return new Access(
                "schoolId in ?1 and (aboutStaffId is null or aboutStaffId <> ?2)"
                        + " and (category <> ?3 or schoolId in ?4) and status <> ?5",
                new ArrayList<>(List.of(
                        handled.isEmpty() ? List.of(-1L) : handled,
                        me.id,
                        Category.ADULT_CONCERN,
                        admin.isEmpty() ? List.of(-1L) : admin,
                        CaseStatus.CLOSED)));
    }

    @Override
    public Counts counts() {
        Access a = access();
        long fresh = count(a, " and status = ?6", CaseStatus.NEW);
        long danger = count(a, " and dangerNow = ?6", true);
        long overdue = count(a, " and status = ?6 and acknowledgeBy < ?7", CaseStatus.NEW, clock.now());
        return new Counts(fresh, danger, overdue);
    }

    private static long count(Access a, String more, Object... extra) {
        TypedQuery<Long> q = io.haven.report.ReportCase.getEntityManager()
                .createQuery("select count(*) from ReportCase where " + a.where() + more, Long.class);
        List<Object> params = new ArrayList<>(a.params());
        params.addAll(List.of(extra));
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return q.getSingleResult();
    }

    @Override
    public List<Line> mine() {
        Access a = access();
        return lines(a, " and assigneeId = ?6", List.of(session.requireSignedIn().id), 20);
    }

    @Override
    public List<Line> nextDeadlines(int max) {
        return lines(access(), "", List.of(), max);
    }

    private List<Line> lines(Access a, String more, List<Object> extra, int max) {
        // Ordered in Java: the due time is the acknowledgement time for new cases, the review time otherwise.
        TypedQuery<Object[]> q = io.haven.report.ReportCase.getEntityManager()
                .createQuery(
                        "select id, schoolId, category, status, dangerNow, acknowledgeBy, reviewBy, number from ReportCase where "
                                + a.where() + more + " order by createdAt desc",
                        Object[].class)
                .setMaxResults(500);
        List<Object> params = new ArrayList<>(a.params());
        params.addAll(extra);
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return q.getResultList().stream()
                .map(r -> {
                    CaseStatus status = (CaseStatus) r[3];
                    boolean acknowledge = status == CaseStatus.NEW;
                    Instant due = acknowledge ? (Instant) r[5] : (Instant) r[6];
                    ZoneId zone = schools.byId((Long) r[1])
                            .map(SchoolDirectory.Listing::zone)
                            .orElse(ZoneId.of("UTC"));
                    return new Line(
                            (Long) r[0],
                            (Integer) r[7],
                            ((Category) r[2]).getStaffKey(),
                            status.getStaffKey(),
                            (Boolean) r[4],
                            due == null ? null : due.atZone(zone),
                            acknowledge);
                })
                .filter(l -> l.due() != null)
                .sorted(Comparator.comparing(Line::due))
                .limit(max)
                .toList();
    }
}
