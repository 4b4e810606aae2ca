package io.haven.casework;

import io.haven.audit.Actor;
import io.haven.audit.Audit;
import io.haven.audit.CaseAudit;
import io.haven.crypto.FieldCipher;
import io.haven.report.CaseMessage;
import io.haven.report.CaseStatus;
import io.haven.report.Category;
import io.haven.report.ReportCase;
import io.haven.school.SchoolDirectory;
import io.haven.staff.Role;
import io.haven.staff.Staff;
import io.haven.staff.StaffRole;
import io.haven.staff.StaffSession;
import io.haven.web.Clock;
import io.haven.web.RetryOnLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The handler's side of a case. Access is checked on the data: the case's school must be one where
 * the signed-in staff member handles reports, a concern about an adult needs the administrator role,
 * and a case marked as being about someone is never shown to them. Every view and change is audited.
 */
@ApplicationScoped
@Transactional
@RetryOnLock
public class CaseService {

    private static final ZoneId UTC = ZoneId.of("UTC");

    @Inject
    StaffSession session;

    @Inject
    FieldCipher cipher;

    @Inject
    SchoolDirectory schools;

    @Inject
    Clock clock;

    @Inject
    Audit audit;

    @Inject
    CaseDuties duties;

    @Inject
    io.haven.web.PageContext page;

    /** The cases this staff member may handle, urgent and new first, then newest. */
    /** The most cases the list shows. */
    static final int LIST_SIZE = 200;

    public List<CaseRow> list(Optional<CaseStatus> status, Optional<Category> category, boolean referred) {
        return list(status, category, referred, false, false);
    }

    /**
     * The list with the dashboard's filters too: open cases whose reporter said "danger now", and new cases
     * past their acknowledgement time.
     */
    public List<CaseRow> list(
            Optional<CaseStatus> status,
            Optional<Category> category,
            boolean referred,
            boolean dangerNow,
            boolean overdue) {
        Staff me = session.requireSignedIn();
        List<Long> handled = session.schoolsWithRole(Role.HANDLER, Role.ADMIN);
        if (handled.isEmpty()) {
            throw new NotFoundException();
        }
        List<Long> admin = session.schoolsWithRole(Role.ADMIN);
        StringBuilder q = new StringBuilder("schoolId in ?1 and (aboutStaffId is null or aboutStaffId <> ?2)"
                + " and (category <> ?3 or schoolId in ?4)");
        List<Object> params = new ArrayList<>(
                List.of(handled, me.id, Category.ADULT_CONCERN, admin.isEmpty() ? List.of(-1L) : admin));
        status.ifPresent(s -> {
            params.add(s);
            q.append(" and status = ?").append(params.size());
        });
        category.ifPresent(c -> {
            params.add(c);
            q.append(" and category = ?").append(params.size());
        });
        if (dangerNow) {
            params.add(CaseStatus.CLOSED);
            q.append(" and dangerNow = true and status <> ?").append(params.size());
        }
        if (overdue) {
            params.add(CaseStatus.NEW);
            q.append(" and status = ?").append(params.size());
            params.add(clock.now());
            q.append(" and acknowledgeBy < ?").append(params.size());
        }
        if (referred) {
            params.add(ReferralKind.NONE);
            q.append(" and id in (select r.caseId from CaseReferral r where r.kind <> ?")
                    .append(params.size())
                    .append(")");
        }
        // open (a generated column: status is not CLOSED) first, then urgent, then newest: the order of the
        // index ix_report_case_school_open, so the database reads 200 index entries instead of sorting all cases
        q.append(" order by open desc, urgent desc, createdAt desc");
        // One query per school, merged: with several schools in one query the index gives no order across them,
        // and the database sorted every case of every school (at 1,000,000 cases, seconds) to list 200.
        List<CaseListItem> cases = new ArrayList<>();
        for (Long school : handled) {
            params.set(0, List.of(school));
            // Only the listed columns, into records: no entities to track, no encrypted texts read.
            TypedQuery<CaseListItem> query = ReportCase.getEntityManager()
                    .createQuery(CaseListItem.SELECT + q, CaseListItem.class)
                    .setMaxResults(LIST_SIZE);
            for (int i = 0; i < params.size(); i++) {
                query.setParameter(i + 1, params.get(i));
            }
            cases.addAll(query.getResultList());
        }
        if (handled.size() > 1) {
            cases.sort(Comparator.comparing((CaseListItem c) -> c.status() != CaseStatus.CLOSED)
                    .thenComparing(CaseListItem::urgent)
                    .thenComparing(CaseListItem::createdAt)
                    .reversed());
            cases = cases.subList(0, Math.min(LIST_SIZE, cases.size()));
        }
        Map<Long, String> names = names(cases.stream()
                .map(CaseListItem::assigneeId)
                .filter(id -> id != null)
                .toList());
        Instant now = clock.now();
        // The school's zone and name once per school, not once per row.
        Map<Long, SchoolDirectory.Listing> listings = new HashMap<>();
        Map<String, String> labels = CaseLabels.of(page.language());
        java.time.format.DateTimeFormatter format = page.getDateTimeFormat();
        return cases.stream()
                .map(c -> {
                    Optional<SchoolDirectory.Listing> l = Optional.ofNullable(listings.computeIfAbsent(
                            c.schoolId(), id -> schools.byId(id).orElse(null)));
                    ZoneId zone = l.map(SchoolDirectory.Listing::zone).orElse(UTC);
                    return new CaseRow(
                            c,
                            l.map(SchoolDirectory.Listing::name).orElse(""),
                            c.createdAt().atZone(zone).format(format),
                            c.acknowledgeBy().atZone(zone),
                            c.status() == CaseStatus.NEW && c.acknowledgeBy().isBefore(now),
                            names.get(c.assigneeId()),
                            labels.get(c.category().getStaffKey()),
                            labels.get(c.status().getStaffKey()),
                            c.outcome() == null ? null : labels.get(c.outcome().getStaffKey()));
                })
                .toList();
    }

    /** Opens a case (audited as a view). */
    public CaseView open(long id) {
        ReportCase c = access(id);
        audit(c, "VIEW", null);
        return view(c);
    }

    /** The case for a printed referral (police, child protection); audited as an export. */
    public CaseView export(long id) {
        ReportCase c = access(id);
        audit(c, "EXPORT", null);
        return view(c);
    }

    /**
     * Sets the status of a case locked by the caller, as the staff member saw it at {@code seenVersion} (null:
     * unchecked). Asking for the status it already has changes and audits nothing, even when two people ask at
     * once. Only the workflow calls it, after its guards ({@link CaseWorkflow#changeStatus}).
     */
    void applyStatus(ReportCase c, CaseStatus status, Long seenVersion) {
        if (c.status == status) {
            return;
        }
        CaseConflict.check(this, c, seenVersion, "status", "");
        audit(c, "STATUS", c.status + " -> " + status);
        Instant now = clock.now();
        if (c.status == CaseStatus.NEW && c.acknowledgedAt == null) {
            c.acknowledgedAt = now;
        }
        c.closedAt = status == CaseStatus.CLOSED ? now : null;
        c.status = status;
        c.updatedAt = now;
    }

    /** Assigns the case to a handler of its school; returns false when that person cannot handle it. */
    public boolean assign(long id, long staffId) {
        return assign(id, staffId, null);
    }

    /** As {@link #assign(long, long)}, for the case as seen at {@code seenVersion}; the same assignee again is a no-op. */
    public boolean assign(long id, long staffId, Long seenVersion) {
        ReportCase c = lockForChange(id);
        if (!handlers(c).stream().anyMatch(s -> s.id == staffId)) {
            return false;
        }
        if (Long.valueOf(staffId).equals(c.assigneeId)) {
            return true;
        }
        CaseConflict.check(this, c, seenVersion, "assignee", "");
        audit(c, "ASSIGN", "assignee " + staffId);
        c.assigneeId = staffId;
        c.updatedAt = clock.now();
        return true;
    }

    public void addNote(long id, String text) {
        addNote(id, text, null);
    }

    public void addNote(long id, String text, Long seenVersion) {
        ReportCase c = writable(lockForChange(id));
        CaseConflict.check(this, c, seenVersion, "note", text);
        CaseNote n = new CaseNote();
        n.caseId = c.id;
        n.staffId = session.requireSignedIn().id;
        n.bodyEnc = cipher.encrypt("note.body", text);
        n.createdAt = clock.now();
        n.persist();
        audit(c, "NOTE", null);
    }

    public void sendMessage(long id, String text) {
        sendMessage(id, text, null);
    }

    public void sendMessage(long id, String text, Long seenVersion) {
        ReportCase c = writable(lockForChange(id));
        CaseConflict.check(this, c, seenVersion, "message", text);
        CaseMessage m = new CaseMessage();
        m.caseId = c.id;
        m.fromReporter = false;
        m.staffId = session.requireSignedIn().id;
        m.bodyEnc = cipher.encrypt("message.body", text);
        m.createdAt = clock.now();
        m.persist();
        c.updatedAt = m.createdAt;
        audit(c, "MESSAGE", null);
    }

    /**
     * Marks a concern about an adult as being about this staff member: from now on they never see it. False
     * (nothing changes) when the person holds no role at the case's school.
     */
    public boolean markAbout(long id, long staffId) {
        ReportCase c = lockForChange(id);
        if (c.category != Category.ADULT_CONCERN) {
            throw new NotFoundException();
        }
        if (io.haven.staff.StaffRole.count("staffId = ?1 and schoolId = ?2", staffId, c.schoolId) == 0) {
            return false;
        }
        audit(c, "ABOUT", "about staff " + staffId);
        c.aboutStaffId = staffId;
        if (Long.valueOf(staffId).equals(c.assigneeId)) {
            c.assigneeId = null;
        }
        return true;
    }

    /**
     * The case as a form that came back with an error shows it (a refused or stale staff form): the content
     * is on screen again, so this render is audited like any view.
     */
    public CaseView view(long id) {
        ReportCase c = access(id);
        audit(c, "VIEW", "form error");
        return view(c);
    }

    /** Retention deleted this case's content: nothing new is written to it (a purge never runs twice). */
    private static ReportCase writable(ReportCase c) {
        if (c.purgedAt != null) {
            throw new jakarta.ws.rs.ClientErrorException(409);
        }
        return c;
    }

    /** The case, if the signed-in staff member may handle it; 404 otherwise. */
    ReportCase access(long id) {
        session.requireSignedIn();
        return ReportCase.<ReportCase>findByIdOptional(id)
                .filter(this::canAccess)
                .orElseThrow(NotFoundException::new);
    }

    /**
     * The case for a change, if the signed-in staff member may handle it; 404 otherwise. Its row is locked
     * first, before anything else of the case is read or written, so every writer (staff, reporter, jobs)
     * takes the locks in one order and a concurrent change is waited for and then read, never overwritten.
     */
    ReportCase lockForChange(long id) {
        session.requireSignedIn();
        return ReportCase.<ReportCase>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(this::canAccess)
                .orElseThrow(NotFoundException::new);
    }

    /** Whether the signed-in staff member may open this case (the check of {@link #access}, without throwing). */
    boolean canAccess(ReportCase c) {
        Staff me = session.requireSignedIn();
        return session.hasRole(c.schoolId, Role.HANDLER, Role.ADMIN)
                && (c.category != Category.ADULT_CONCERN || session.hasRole(c.schoolId, Role.ADMIN))
                && !me.id.equals(c.aboutStaffId);
    }

    private CaseView view(ReportCase c) {
        ZoneId zone = zone(c);
        List<CaseMessage> messages = CaseMessage.listByCase(c.id);
        List<CaseNote> notes = CaseNote.listByCase(c.id);
        List<CaseAudit> audit = CaseAudit.listByCase(c.id);
        List<Long> ids = new ArrayList<>();
        messages.forEach(m -> ids.add(m.staffId));
        notes.forEach(n -> ids.add(n.staffId));
        audit.forEach(a -> ids.add(a.staffId));
        audit.forEach(a -> AuditText.namedStaff(a.action, a.detail).ifPresent(ids::add));
        ids.add(c.assigneeId);
        ids.add(c.aboutStaffId);
        ids.add(c.legalHoldBy);
        Map<Long, String> names =
                names(ids.stream().filter(i -> i != null).distinct().toList());
        return new CaseView(
                c,
                schoolName(c),
                c.createdAt.atZone(zone),
                c.acknowledgeBy.atZone(zone),
                c.reviewBy.atZone(zone),
                c.status == CaseStatus.NEW && c.acknowledgeBy.isBefore(clock.now()),
                cipher.decrypt("report.where", c.whereEnc),
                cipher.decrypt("report.when", c.whenEnc),
                cipher.decrypt("report.body", c.bodyEnc),
                cipher.decrypt("report.contact", c.contactEnc),
                messages.stream()
                        .map(m -> new CaseView.Entry(
                                m.fromReporter ? null : names.get(m.staffId),
                                m.createdAt.atZone(zone),
                                cipher.decrypt("message.body", m.bodyEnc),
                                m.fromReporter))
                        .toList(),
                notes.stream()
                        .map(n -> new CaseView.Entry(
                                names.get(n.staffId),
                                n.createdAt.atZone(zone),
                                cipher.decrypt("note.body", n.bodyEnc),
                                false))
                        .toList(),
                audit.stream()
                        .map(a -> new CaseView.Entry(
                                who(a.staffId, names),
                                a.createdAt.atZone(zone),
                                AuditText.describe(a.action, a.detail, names, page.language()),
                                false))
                        .toList(),
                handlers(c),
                names.get(c.assigneeId),
                names.get(c.aboutStaffId),
                deadlines(c, zone, names),
                duties.checklist(c, zone));
    }

    /** Escalations, legal hold and retention of a case, as its page shows them. */
    private CaseDeadlines deadlines(ReportCase c, ZoneId zone, Map<Long, String> names) {
        return new CaseDeadlines(
                CaseEscalation.listByCase(c.id).stream()
                        .map(e -> new CaseDeadlines.Escalation(
                                e.sentAt.atZone(zone), e.recipients, e.unacknowledged, e.overdueDuties))
                        .toList(),
                c.legalHold,
                c.legalHoldSince == null ? null : c.legalHoldSince.atZone(zone),
                names.getOrDefault(c.legalHoldBy, ""),
                cipher.decrypt(HoldEncryptedColumns.HOLD_REASON, c.legalHoldReasonEnc),
                c.purgedAt == null ? null : c.purgedAt.atZone(zone));
    }

    private List<Staff> handlers(ReportCase c) {
        List<Role> roles =
                c.category == Category.ADULT_CONCERN ? List.of(Role.ADMIN) : List.of(Role.HANDLER, Role.ADMIN);
        List<Long> ids = StaffRole.<StaffRole>list("schoolId = ?1 and role in ?2", c.schoolId, roles).stream()
                .map(r -> r.staffId)
                .distinct()
                .filter(id -> !id.equals(c.aboutStaffId))
                .toList();
        return CaseRouting.activeById(ids);
    }

    void audit(ReportCase c, String action, String detail) {
        audit.record(Actor.staff(session.requireSignedIn().id), c.schoolId, c.id, action, detail);
    }

    /** Audit actions that only read a case. */
    private static final List<String> READS = List.of("VIEW", "EXPORT", "INCIDENT_VIEW");

    /**
     * What others changed on the case since the signed-in staff member last opened it (their newest VIEW
     * in the audit log): changes audited by other staff or by the jobs, and the reporter's new messages.
     */
    List<CaseConflict.Change> changesByOthersSinceView(ReportCase c) {
        Staff me = session.requireSignedIn();
        Optional<CaseAudit> viewed = CaseAudit.find(
                        "caseId = ?1 and staffId = ?2 and action = ?3 order by id desc", c.id, me.id, "VIEW")
                .firstResultOptional();
        long afterId = viewed.map(v -> v.id).orElse(0L);
        Instant afterAt = viewed.map(v -> v.createdAt).orElse(Instant.EPOCH);
        List<CaseAudit> audited = CaseAudit.list(
                "caseId = ?1 and id > ?2 and action not in ?3" + " and (staffId is null or staffId <> ?4) order by id",
                c.id,
                afterId,
                READS,
                me.id);
        Map<Long, String> who = names(audited.stream()
                .map(a -> a.staffId)
                .filter(i -> i != null)
                .distinct()
                .toList());
        ZoneId zone = zone(c);
        List<CaseConflict.Change> changes = new ArrayList<>();
        audited.forEach(a -> changes.add(new CaseConflict.Change(
                who.get(a.staffId),
                a.createdAt.atZone(zone),
                AuditText.describe(a.action, a.detail, who, page.language()))));
        CaseMessage.<CaseMessage>list(
                        "caseId = ?1 and fromReporter = true and createdAt > ?2 order by createdAt, id", c.id, afterAt)
                .forEach(m -> changes.add(new CaseConflict.Change(null, m.createdAt.atZone(zone), null)));
        return changes;
    }

    /** Who did an audited thing: a staff member, or the scheduled jobs (no staff id). */
    private String who(Long staffId, Map<Long, String> names) {
        return staffId == null
                ? io.haven.web.Messages.get(io.haven.staff.WorkspaceMsg.class, page.language())
                        .audit_by_job()
                : names.get(staffId);
    }

    static Map<Long, String> names(List<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        if (!ids.isEmpty()) {
            Staff.<Staff>list("id in ?1", ids).forEach(s -> out.put(s.id, s.displayName));
        }
        return out;
    }

    ZoneId zone(ReportCase c) {
        return schools.byId(c.schoolId).map(SchoolDirectory.Listing::zone).orElse(ZoneId.of("UTC"));
    }

    String schoolName(ReportCase c) {
        return schools.byId(c.schoolId).map(SchoolDirectory.Listing::name).orElse("");
    }
}
