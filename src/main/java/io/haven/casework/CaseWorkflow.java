package io.haven.casework;

import static io.haven.casework.WorkflowResult.done;
import static io.haven.casework.WorkflowResult.refused;

import io.haven.casework.WorkflowResult.Refusal;
import io.haven.crypto.FieldCipher;
import io.haven.report.CaseStatus;
import io.haven.report.Outcome;
import io.haven.report.ReportCase;
import io.haven.report.ReportForm;
import io.haven.staff.Staff;
import io.haven.staff.StaffSession;
import io.haven.web.Clock;
import io.haven.web.Language;
import io.haven.web.RetryOnLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The workflow of a case: closing with an outcome (two people for intimate images and sextortion,
 * after a referral decision), reopening, referral decisions, and linking reports of one incident.
 * Access is {@link CaseService}'s; every change is audited, never with content in the detail.
 */
@ApplicationScoped
@Transactional
@RetryOnLock
public class CaseWorkflow {

    static final String OUTCOME_REASON = "case.outcome_reason";
    /** Reference numbers are short; a reason may be as long as a message. */
    public static final int REFERENCE_MAX = 500;

    @Inject
    CaseService cases;

    @Inject
    StaffSession session;

    @Inject
    FieldCipher cipher;

    @Inject
    Clock clock;

    @Inject
    CaseDuties duties;

    /** The titles of the required duties still open on a case, in a language, for the closing form's message. */
    public String openDutyTitles(long id, Language language) {
        return String.join(
                "; ",
                duties.openMandatory(cases.access(id)).stream()
                        .map(d -> d.title().in(language))
                        .toList());
    }

    /** The workflow part of the case page (no audit: the page view itself is audited). */
    public WorkflowPanel panel(long id, WorkflowForm form) {
        ReportCase c = cases.access(id);
        ZoneId zone = cases.zone(c);
        Staff me = session.requireSignedIn();
        List<CaseReferral> referrals = CaseReferral.listByCase(c.id);
        Optional<CloseRequest> pending = CloseRequest.findByCase(c.id);
        List<Long> ids = new ArrayList<>(referrals.stream().map(r -> r.staffId).toList());
        pending.ifPresent(p -> ids.add(p.requestedBy));
        Map<Long, String> names = CaseService.names(ids.stream().distinct().toList());
        List<WorkflowPanel.Referral> recorded = referrals.stream()
                .map(r -> new WorkflowPanel.Referral(
                        r.kind,
                        cipher.decrypt(CaseReferral.REFERENCE, r.referenceEnc),
                        cipher.decrypt(CaseReferral.REASON_NONE, r.reasonNoneEnc),
                        names.get(r.staffId),
                        r.createdAt.atZone(zone)))
                .toList();
        WorkflowPanel.Pending request = pending.map(p -> new WorkflowPanel.Pending(
                        p.outcome,
                        cipher.decrypt(OUTCOME_REASON, p.reasonEnc),
                        p.duplicateOfId,
                        names.get(p.requestedBy),
                        p.createdAt.atZone(zone),
                        me.id == p.requestedBy))
                .orElse(null);
        List<WorkflowPanel.Linked> linked = c.incidentId == null
                ? List.of()
                : linkedRows(
                        ReportCase.<ReportCase>list("incidentId = ?1 and id <> ?2 order by id", c.incidentId, c.id));
        return new WorkflowPanel(
                recorded,
                request,
                cipher.decrypt(OUTCOME_REASON, c.outcomeReasonEnc),
                c.incidentId,
                linked,
                c.category.intimateImage,
                form);
    }

    /** The reports of one incident this staff member may open; audited on each; 404 when there are none. */
    public List<WorkflowPanel.Linked> incident(long incidentId) {
        session.requireSignedIn();
        List<ReportCase> members = ReportCase.<ReportCase>list("incidentId = ?1 order by id", incidentId).stream()
                .filter(cases::canAccess)
                .toList();
        if (members.isEmpty()) {
            throw new NotFoundException();
        }
        members.forEach(m -> cases.audit(m, "INCIDENT_VIEW", "incident " + incidentId));
        return linkedRows(members);
    }

    private List<WorkflowPanel.Linked> linkedRows(List<ReportCase> members) {
        return members.stream()
                .filter(cases::canAccess)
                .map(m -> new WorkflowPanel.Linked(
                        m.id,
                        m.number,
                        m.category,
                        m.status,
                        m.outcome,
                        m.createdAt.atZone(cases.zone(m)),
                        cases.schoolName(m)))
                .toList();
    }

    /**
     * The plain status form: refuses what it must not do (close a case, change a closed one, mark it referred
     * with no referral recorded), else changes the status, checked and applied in one transaction on the
     * locked case.
     */
    public Optional<Refusal> changeStatus(long id, CaseStatus status, Long seenVersion) {
        ReportCase c = cases.lockForChange(id);
        Optional<Refusal> refused = statusRefusal(c.status, status, () -> CaseReferral.referredOut(c.id));
        if (refused.isEmpty()) {
            cases.applyStatus(c, status, seenVersion);
        }
        return refused;
    }

    /** The status form's rules on the case's state; {@code referredOut} is asked only when it matters. */
    static Optional<Refusal> statusRefusal(
            CaseStatus current, CaseStatus wanted, java.util.function.BooleanSupplier referredOut) {
        if (current == CaseStatus.CLOSED) {
            return Optional.of(Refusal.STATUS_CLOSED_CASE);
        }
        if (wanted == CaseStatus.REFERRED && !referredOut.getAsBoolean()) {
            return Optional.of(Refusal.STATUS_REFERRAL_MISSING);
        }
        return wanted == CaseStatus.CLOSED ? Optional.of(Refusal.STATUS_USE_CLOSE_FORM) : Optional.empty();
    }

    /**
     * Closes the case with an outcome, or, for an intimate image or sextortion, asks a second member of
     * staff to confirm (only once a referral decision is recorded).
     */
    public WorkflowResult close(long id, WorkflowForm f) {
        ReportCase c = cases.lockForChange(id);
        Optional<Refusal> refusal = closeRefusal(
                c.status,
                c.category.intimateImage && CloseRequest.findByCase(c.id).isPresent(),
                f);
        if (refusal.isPresent()) {
            return refused(refusal.get());
        }
        Optional<Outcome> outcome = Outcome.ofKey(f.outcome());
        Optional<Refusal> badMessage = checkMessage(f);
        if (badMessage.isPresent()) {
            return refused(badMessage.get());
        }
        Long duplicateOf = null;
        if (outcome.get() == Outcome.DUPLICATE) {
            Optional<ReportCase> other = other(c, f.duplicate());
            if (other.isEmpty()) {
                return refused(Refusal.DUPLICATE_UNKNOWN);
            }
            if (other.get().id.equals(c.id)) {
                return refused(Refusal.DUPLICATE_SELF);
            }
            duplicateOf = other.get().id;
        }
        String reasonEnc = f.reason().isEmpty() ? null : cipher.encrypt(OUTCOME_REASON, f.reason());
        if (c.category.intimateImage) {
            if (!CaseReferral.existsForCase(c.id)) {
                return refused(Refusal.REFERRAL_MISSING);
            }
            if (!duties.openMandatory(c).isEmpty()) {
                return refused(Refusal.DUTIES_OPEN);
            }
            CloseRequest r = new CloseRequest();
            r.caseId = c.id;
            r.schoolId = c.schoolId;
            r.requestedBy = session.requireSignedIn().id;
            r.outcome = outcome.get();
            r.reasonEnc = reasonEnc;
            r.duplicateOfId = duplicateOf;
            r.createdAt = clock.now();
            r.persist();
            cases.audit(c, "CLOSE_REQUEST", "outcome " + r.outcome);
            return done("casework_flash_close_requested");
        }
        closeNow(c, outcome.get(), reasonEnc, duplicateOf, f.message());
        return done("casework_flash_closed");
    }

    /**
     * The closing message to the reporter: refused when the field was emptied or is too long. A form without
     * the field (an older page) closes without a message.
     */
    private static Optional<Refusal> checkMessage(WorkflowForm f) {
        if (f.message() == null) {
            return Optional.empty();
        }
        if (f.message().isEmpty()) {
            return Optional.of(Refusal.CLOSE_MESSAGE_MISSING);
        }
        if (length(f.message()) > ReportForm.BODY_MAX) {
            return Optional.of(Refusal.CLOSE_MESSAGE_TOO_LONG);
        }
        return Optional.empty();
    }

    /** A second member of staff confirms the pending close request: the case closes with its outcome. */
    public WorkflowResult confirm(long id) {
        return confirm(id, WorkflowForm.empty());
    }

    /** As above, with the closing message to the reporter that the confirming member wrote (or kept). */
    public WorkflowResult confirm(long id, WorkflowForm f) {
        ReportCase c = cases.lockForChange(id);
        Optional<Refusal> badMessage = checkMessage(f);
        if (badMessage.isPresent()) {
            return refused(badMessage.get());
        }
        Optional<CloseRequest> pending = CloseRequest.findByCase(c.id);
        if (pending.isEmpty()) {
            return refused(Refusal.NO_REQUEST);
        }
        CloseRequest r = pending.get();
        if (r.requestedBy == session.requireSignedIn().id) {
            return refused(Refusal.OWN_REQUEST);
        }
        if (CaseDuties.guardsClosing(c) && !duties.openMandatory(c).isEmpty()) {
            return refused(Refusal.DUTIES_OPEN_CONFIRM);
        }
        cases.audit(c, "CLOSE_CONFIRM", "requested by staff " + r.requestedBy);
        closeNow(c, r.outcome, r.reasonEnc, r.duplicateOfId, f.message());
        r.delete();
        return done("casework_flash_closed");
    }

    public WorkflowResult withdraw(long id) {
        ReportCase c = cases.lockForChange(id);
        Optional<CloseRequest> pending = CloseRequest.findByCase(c.id);
        if (pending.isEmpty()) {
            return refused(Refusal.NO_REQUEST);
        }
        pending.get().delete();
        cases.audit(c, "CLOSE_WITHDRAW", "requested by staff " + pending.get().requestedBy);
        return done("casework_flash_close_withdrawn");
    }

    /** Opens a closed case again (in progress); its outcome is cleared. */
    public WorkflowResult reopen(long id) {
        ReportCase c = cases.lockForChange(id);
        if (c.status != CaseStatus.CLOSED) {
            return refused(Refusal.NOT_CLOSED);
        }
        cases.audit(c, "REOPEN", "outcome was " + c.outcome);
        c.status = CaseStatus.IN_PROGRESS;
        c.closedAt = null;
        c.outcome = null;
        c.outcomeReasonEnc = null;
        c.duplicateOfId = null;
        c.updatedAt = clock.now();
        return done("casework_flash_reopened");
    }

    private void closeNow(ReportCase c, Outcome outcome, String reasonEnc, Long duplicateOf, String message) {
        cases.audit(
                c,
                "CLOSE",
                c.status + " -> CLOSED, outcome " + outcome
                        + (duplicateOf == null ? "" : ", duplicate of case " + duplicateOf));
        Instant now = clock.now();
        if (message != null && !message.isEmpty()) {
            // The reporter's last word from staff, in the conversation like any staff message.
            io.haven.report.CaseMessage m = new io.haven.report.CaseMessage();
            m.caseId = c.id;
            m.fromReporter = false;
            m.staffId = session.requireSignedIn().id;
            m.bodyEnc = cipher.encrypt("message.body", message);
            m.createdAt = now;
            m.persist();
            cases.audit(c, "MESSAGE", null);
        }
        if (c.acknowledgedAt == null) {
            c.acknowledgedAt = now;
        }
        c.status = CaseStatus.CLOSED;
        c.closedAt = now;
        c.outcome = outcome;
        c.outcomeReasonEnc = reasonEnc;
        c.duplicateOfId = duplicateOf;
        c.updatedAt = now;
    }

    /** Records a referral decision; a referral (not NONE) moves an open case to REFERRED. */
    public WorkflowResult refer(long id, WorkflowForm f) {
        ReportCase c = cases.lockForChange(id);
        Optional<ReferralKind> kind = ReferralKind.ofKey(f.kind());
        if (kind.isEmpty()) {
            return refused(Refusal.KIND_MISSING);
        }
        boolean none = kind.get() == ReferralKind.NONE;
        if (none && f.reasonNone().isEmpty()) {
            return refused(Refusal.REASON_NONE_MISSING);
        }
        if (none && length(f.reasonNone()) > ReportForm.BODY_MAX) {
            return refused(Refusal.REASON_NONE_TOO_LONG);
        }
        if (!none && length(f.reference()) > REFERENCE_MAX) {
            return refused(Refusal.REFERENCE_TOO_LONG);
        }
        CaseReferral r = new CaseReferral();
        r.caseId = c.id;
        r.schoolId = c.schoolId;
        r.kind = kind.get();
        r.referenceEnc = none || f.reference().isEmpty() ? null : cipher.encrypt(CaseReferral.REFERENCE, f.reference());
        r.reasonNoneEnc = none ? cipher.encrypt(CaseReferral.REASON_NONE, f.reasonNone()) : null;
        r.staffId = session.requireSignedIn().id;
        r.createdAt = clock.now();
        r.persist();
        cases.audit(c, "REFERRAL", r.kind.name());
        if (!none && c.status != CaseStatus.CLOSED) {
            cases.applyStatus(c, CaseStatus.REFERRED, null);
        } else {
            c.updatedAt = r.createdAt;
        }
        return done("casework_flash_referral");
    }

    /**
     * Links another case of the same school: both, with the incidents they already belong to, become
     * one incident whose id is the lowest case id among them. Audited on every case involved.
     */
    public WorkflowResult link(long id, WorkflowForm f) {
        ReportCase c = cases.lockForChange(id);
        if (f.link().isEmpty()) {
            return refused(Refusal.LINK_MISSING);
        }
        Optional<ReportCase> found = other(c, f.link());
        if (found.isEmpty()) {
            return refused(Refusal.LINK_UNKNOWN);
        }
        ReportCase other = found.get();
        if (other.id.equals(c.id)) {
            return refused(Refusal.LINK_SELF);
        }
        if (c.incidentId != null && c.incidentId.equals(other.incidentId)) {
            return refused(Refusal.LINK_ALREADY);
        }
        Map<Long, ReportCase> merged = new LinkedHashMap<>();
        for (ReportCase x : List.of(c, other)) {
            merged.put(x.id, x);
            if (x.incidentId != null) {
                ReportCase.<ReportCase>list("incidentId", x.incidentId).forEach(m -> merged.putIfAbsent(m.id, m));
            }
        }
        long incident = merged.keySet().stream().min(Comparator.naturalOrder()).orElseThrow();
        for (ReportCase m : merged.values()) {
            cases.audit(m, "LINK", "incident " + incident + " (case " + c.id + " with case " + other.id + ")");
            m.incidentId = incident;
        }
        return done("casework_flash_linked");
    }

    /** Takes the case out of its incident; an incident left with one case is dissolved. */
    public WorkflowResult unlink(long id) {
        ReportCase c = cases.lockForChange(id);
        if (c.incidentId == null) {
            return refused(Refusal.NOT_LINKED);
        }
        long old = c.incidentId;
        List<ReportCase> rest = ReportCase.<ReportCase>list("incidentId = ?1 and id <> ?2", old, c.id);
        cases.audit(c, "UNLINK", "left incident " + old);
        c.incidentId = null;
        Long next = rest.size() < 2
                ? null
                : rest.stream().map(r -> r.id).min(Comparator.naturalOrder()).orElseThrow();
        for (ReportCase r : rest) {
            cases.audit(
                    r,
                    "UNLINK",
                    "case " + c.id + " left incident " + old
                            + (Objects.equals(next, old)
                                    ? ""
                                    : next == null ? ", incident dissolved" : ", now incident " + next));
            r.incidentId = next;
        }
        return done("casework_flash_unlinked");
    }

    /** A case typed by its number ("12" or "#12") of the same school that this staff member may open. */
    private Optional<ReportCase> other(ReportCase c, String typed) {
        String digits = typed.startsWith("#") ? typed.substring(1).strip() : typed;
        int number;
        try {
            number = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        // Staff type the number they see, counted per school: it can only name a case of this school.
        return ReportCase.findByNumber(c.schoolId, number).filter(cases::canAccess);
    }

    /**
     * The closing form's rules that need only the case's state and the form: not closed already, no close
     * request pending, an outcome, a reason for a false or malicious report (not too long), and a case
     * number for a duplicate (which case it names is checked against the database afterwards).
     */
    static Optional<Refusal> closeRefusal(CaseStatus current, boolean requestPending, WorkflowForm f) {
        if (current == CaseStatus.CLOSED) {
            return Optional.of(Refusal.ALREADY_CLOSED);
        }
        if (requestPending) {
            return Optional.of(Refusal.REQUEST_PENDING);
        }
        Optional<Outcome> outcome = Outcome.ofKey(f.outcome());
        if (outcome.isEmpty()) {
            return Optional.of(Refusal.OUTCOME_MISSING);
        }
        if (outcome.get() == Outcome.FALSE_OR_MALICIOUS && f.reason().isEmpty()) {
            return Optional.of(Refusal.REASON_MISSING);
        }
        if (length(f.reason()) > ReportForm.BODY_MAX) {
            return Optional.of(Refusal.REASON_TOO_LONG);
        }
        if (outcome.get() == Outcome.DUPLICATE && f.duplicate().isEmpty()) {
            return Optional.of(Refusal.DUPLICATE_MISSING);
        }
        return Optional.empty();
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
