package io.haven.casework;

import io.haven.crypto.FieldCipher;
import io.haven.lesson.ContentCatalogue;
import io.haven.lesson.Duty;
import io.haven.lesson.LawSheet;
import io.haven.lesson.Localized;
import io.haven.report.CaseStatus;
import io.haven.report.Category;
import io.haven.report.ReportCase;
import io.haven.report.ReportForm;
import io.haven.school.SchoolDirectory;
import io.haven.staff.OverdueDuties;
import io.haven.staff.StaffSession;
import io.haven.web.Clock;
import io.haven.web.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The legal duties of staff on a case, from content/duties: which apply (the school's jurisdiction, the
 * category, the age band the reporter chose, danger now), when each is due (counted from the report's
 * received time), which are overdue, and the marks staff record (done with a reference, or not
 * applicable with a reason; both texts encrypted, every mark audited without them).
 */
@ApplicationScoped
@Transactional
public class CaseDuties implements OverdueDuties {

    static final String REFERENCE = "duty.reference";
    static final String REASON = "duty.reason";
    public static final int REFERENCE_MAX = 500;
    public static final int REASON_MAX = ReportForm.BODY_MAX;
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm");

    /** Why a duty mark was refused. */
    public enum Refusal {
        UNKNOWN,
        WHEN_INVALID,
        REFERENCE_TOO_LONG,
        REASON_MISSING,
        REASON_TOO_LONG
    }

    @Inject
    ContentCatalogue content;

    @Inject
    SchoolDirectory schools;

    @Inject
    CaseService cases;

    @Inject
    StaffSession session;

    @Inject
    FieldCipher cipher;

    @Inject
    Clock clock;

    // --- which duties, and their state ---

    String jurisdiction(ReportCase c) {
        return schools.byId(c.schoolId)
                .map(SchoolDirectory.Listing::jurisdiction)
                .orElse(null);
    }

    /** The duties that apply to the case, in the order of their file. */
    public List<Duty> applicable(ReportCase c) {
        String j = jurisdiction(c);
        return content.curriculum().dutiesOf(j).stream()
                .filter(d -> d.appliesTo(j, c.category.id, c.ageBand.id, c.dangerNow))
                .toList();
    }

    /** Required duties that are neither done nor marked not applicable: they keep the case from closing. */
    public List<Duty> openMandatory(ReportCase c) {
        Map<String, CaseDutyMark> marks = CaseDutyMark.latestByCase(c.id);
        return applicable(c).stream()
                .filter(Duty::mandatory)
                .filter(d -> !marks.containsKey(d.id()))
                .toList();
    }

    /** Whether the duties of a case can block its closing: intimate images and sextortion. */
    static boolean guardsClosing(ReportCase c) {
        return c.category.intimateImage;
    }

    /** The still-open required duties whose due time has passed, on a case that is open and not purged. */
    public List<Duty> overdueMandatory(ReportCase c, Instant now) {
        if (c.status == CaseStatus.CLOSED || c.purgedAt != null) {
            return List.of();
        }
        return openMandatory(c).stream()
                .filter(d -> d.dueAt(c.createdAt).map(t -> t.isBefore(now)).orElse(false))
                .toList();
    }

    /** The categories for which some required duty with a clock exists somewhere: the escalation job's candidates. */
    public List<Category> categoriesWithClockedDuties() {
        List<Duty> clocked = content.curriculum().duties().values().stream()
                .flatMap(s -> s.duties().stream())
                .filter(d -> d.mandatory() && !d.asap())
                .toList();
        return Arrays.stream(Category.values())
                .filter(cat -> clocked.stream()
                        .anyMatch(d ->
                                d.categories().contains("any") || d.categories().contains(cat.id)))
                .toList();
    }

    /** The checklist of a case for its page and export (no audit: the page view is audited). */
    DutyChecklist checklist(ReportCase c, ZoneId zone) {
        Map<String, CaseDutyMark> marks = CaseDutyMark.latestByCase(c.id);
        Map<Long, String> names = CaseService.names(
                marks.values().stream().map(m -> m.staffId).distinct().toList());
        Instant now = clock.now();
        boolean live = c.status != CaseStatus.CLOSED && c.purgedAt == null;
        List<DutyChecklist.Line> lines = new ArrayList<>();
        for (Duty d : applicable(c)) {
            CaseDutyMark m = marks.get(d.id());
            Optional<Instant> due = d.dueAt(c.createdAt);
            boolean overdue = m == null && live && due.map(t -> t.isBefore(now)).orElse(false);
            if (m == null) {
                lines.add(new DutyChecklist.Line(
                        d, due.map(t -> t.atZone(zone)).orElse(null), overdue, null, null, null, null, null));
            } else {
                Instant when = m.state == CaseDutyMark.State.DONE && m.doneAt != null ? m.doneAt : m.markedAt;
                lines.add(new DutyChecklist.Line(
                        d,
                        due.map(t -> t.atZone(zone)).orElse(null),
                        false,
                        m.state,
                        when.atZone(zone),
                        names.get(m.staffId),
                        cipher.decrypt(REFERENCE, m.referenceEnc),
                        cipher.decrypt(REASON, m.reasonEnc)));
            }
        }
        LawSheet sheet = content.curriculum().law().get(jurisdiction(c));
        Localized name =
                sheet == null ? new Localized(Map.of(Language.EN, String.valueOf(jurisdiction(c)))) : sheet.name();
        return new DutyChecklist(lines, name);
    }

    // --- marks ---

    /** Marks a duty done: when (typed in the school's zone, or now) and an optional reference number. */
    public Optional<Refusal> markDone(long caseId, String dutyId, String typedWhen, String reference) {
        ReportCase c = writable(cases.access(caseId));
        Optional<Duty> duty =
                applicable(c).stream().filter(d -> d.id().equals(dutyId)).findFirst();
        if (duty.isEmpty()) {
            return Optional.of(Refusal.UNKNOWN);
        }
        Instant now = clock.now();
        Instant when = now;
        if (!typedWhen.isEmpty()) {
            try {
                when = LocalDateTime.parse(typedWhen, TYPED)
                        .atZone(cases.zone(c))
                        .toInstant();
            } catch (DateTimeParseException e) {
                return Optional.of(Refusal.WHEN_INVALID);
            }
            if (when.isAfter(now.plus(Duration.ofMinutes(1)))) {
                return Optional.of(Refusal.WHEN_INVALID);
            }
        }
        if (reference.codePointCount(0, reference.length()) > REFERENCE_MAX) {
            return Optional.of(Refusal.REFERENCE_TOO_LONG);
        }
        CaseDutyMark m = mark(c, dutyId, CaseDutyMark.State.DONE, now);
        m.doneAt = when;
        m.referenceEnc = reference.isEmpty() ? null : cipher.encrypt(REFERENCE, reference);
        m.persist();
        cases.audit(c, "DUTY_DONE", dutyId + (reference.isEmpty() ? "" : ", reference recorded"));
        return Optional.empty();
    }

    /** Marks a duty as not applicable to this case, with the reason (required). */
    public Optional<Refusal> markNotApplicable(long caseId, String dutyId, String reason) {
        ReportCase c = writable(cases.access(caseId));
        if (applicable(c).stream().noneMatch(d -> d.id().equals(dutyId))) {
            return Optional.of(Refusal.UNKNOWN);
        }
        if (reason.isEmpty()) {
            return Optional.of(Refusal.REASON_MISSING);
        }
        if (reason.codePointCount(0, reason.length()) > REASON_MAX) {
            return Optional.of(Refusal.REASON_TOO_LONG);
        }
        CaseDutyMark m = mark(c, dutyId, CaseDutyMark.State.NOT_APPLICABLE, clock.now());
        m.reasonEnc = cipher.encrypt(REASON, reason);
        m.persist();
        cases.audit(c, "DUTY_NOT_APPLICABLE", dutyId);
        return Optional.empty();
    }

    private CaseDutyMark mark(ReportCase c, String dutyId, CaseDutyMark.State state, Instant now) {
        CaseDutyMark m = new CaseDutyMark();
        m.caseId = c.id;
        m.schoolId = c.schoolId;
        m.dutyId = dutyId;
        m.state = state;
        m.staffId = session.requireSignedIn().id;
        m.markedAt = now;
        c.updatedAt = now;
        return m;
    }

    /** Retention deleted this case's content: nothing new is written to it. */
    private static ReportCase writable(ReportCase c) {
        if (c.purgedAt != null) {
            throw new ClientErrorException(409);
        }
        return c;
    }

    // --- the staff home page ---

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OverdueDuties.Line> forSchool(long schoolId) {
        Optional<SchoolDirectory.Listing> school = schools.byId(schoolId);
        if (school.isEmpty()
                || content.curriculum().dutiesOf(school.get().jurisdiction()).isEmpty()) {
            return List.of();
        }
        List<Category> categories = categoriesWithClockedDuties();
        if (categories.isEmpty()) {
            return List.of();
        }
        Instant now = clock.now();
        ZoneId zone = school.get().zone();
        List<ReportCase> open = ReportCase.<ReportCase>list(
                "schoolId = ?1 and status <> ?2 and purgedAt is null" + " and category in ?3 order by createdAt",
                schoolId,
                CaseStatus.CLOSED,
                categories);
        List<OverdueDuties.Line> out = new ArrayList<>();
        for (ReportCase c : open) {
            if (!cases.canAccess(c)) {
                continue;
            }
            for (Duty d : overdueMandatory(c, now)) {
                out.add(new OverdueDuties.Line(
                        c.id, d.title(), d.dueAt(c.createdAt).orElseThrow().atZone(zone)));
            }
        }
        out.sort(Comparator.comparing(OverdueDuties.Line::due));
        return out;
    }
}
