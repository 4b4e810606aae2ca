package io.haven.report;

import io.haven.crypto.FieldCipher;
import io.haven.crypto.KeyedHash;
import io.haven.school.SchoolDirectory;
import io.haven.web.Clock;
import io.haven.web.FormTokenUse;
import io.haven.web.RetryOnLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;

/** Stores reports and replies encrypted, and answers follow-ups by receipt. */
@ApplicationScoped
public class ReportService {

    static final String RECEIPT = "receipt";

    /** Someone in danger now: acknowledged within two hours, or sooner if the school's time is shorter. */
    static final Duration DANGER_ACKNOWLEDGE = Duration.ofHours(2);

    @Inject
    FieldCipher cipher;

    @Inject
    KeyedHash hash;

    @Inject
    Clock clock;

    @Inject
    ReportConfig config;

    @Inject
    CasesConfig cases;

    @Inject
    SchoolDirectory schools;

    @Inject
    Event<ReportSubmitted> submitted;

    @Inject
    Event<ReporterReplied> replied;

    /** This bean through its proxy, so that each attempt of submitNew gets its own transaction. */
    @Inject
    ReportService self;

    /**
     * Stores a new report and returns its receipt. Each attempt is its own transaction; an attempt whose
     * random receipt code is already taken (the insert breaks the unique index) is rolled back and
     * repeated with a new code.
     */
    public Optional<Receipt> submitNew(ReportForm form, long schoolId, String onceHash) {
        for (int attempt = 1; ; attempt++) {
            try {
                return self.submit(form, schoolId, onceHash);
            } catch (PersistenceException e) {
                if (attempt >= 3 || !isReceiptTaken(e)) {
                    throw e;
                }
            }
        }
    }

    static boolean isReceiptTaken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cv
                    && cv.getConstraintName() != null
                    && cv.getConstraintName().toLowerCase(java.util.Locale.ROOT).contains("receipt")) {
                return true;
            }
        }
        return false;
    }

    /** Empty when the form's one-time token (onceHash, null for none) was used already: the report exists. */
    @Transactional
    @RetryOnLock
    public Optional<Receipt> submit(ReportForm form, long schoolId, String onceHash) {
        if (onceHash != null && !FormTokenUse.claim(onceHash, clock.now())) {
            return Optional.empty();
        }
        // To the minute: a precise time could be matched with the moment a pupil was seen on a device.
        Instant now = clock.now().truncatedTo(ChronoUnit.MINUTES);
        Category category = Category.of(form.category).orElseThrow();
        // No look-up first: the unique index uq_report_case_receipt refuses the 1-in-10^16 repeat, and
        // submitNew tries again with a new code.
        Receipt receipt = Receipt.random();
        String receiptHash = hash.hex(RECEIPT, receipt.digits());

        ReportCase c = new ReportCase();
        c.schoolId = schoolId;
        c.category = category;
        c.affected = Affected.of(form.affected).orElseThrow();
        c.dangerNow = form.isDanger();
        c.ageBand = AgeBand.of(form.age).orElse(AgeBand.NOT_SURE);
        c.urgent = form.isDanger();
        Instant hourAgo = now.minus(Duration.ofHours(1));
        c.volumeFlagged = ReportCase.atLeastSince(schoolId, hourAgo, config.schoolHourlyVolume());
        // The number, the wave, the deadlines and what the mail may say, from the school's row under its lock
        // (taken before the insert, whose foreign key check reads that row): the first flagged report of a
        // wave alerts the administrators, and reports arriving together cannot all see "no wave yet".
        SchoolTurn turn = SchoolTurn.take(schoolId, category, now, c.volumeFlagged);
        c.number = turn.number();
        c.status = CaseStatus.NEW;
        c.receiptHash = receiptHash;
        c.whereEnc = encryptOptional("report.where", form.where);
        c.whenEnc = encryptOptional("report.when", form.when);
        c.bodyEnc = cipher.encrypt("report.body", form.body);
        c.contactEnc = encryptOptional("report.contact", form.contact);
        c.createdAt = now;
        c.updatedAt = now;
        SchoolDeadline.Times times = turn.times();
        Duration acknowledgeWithin = times.acknowledgeWithin();
        if (c.dangerNow && acknowledgeWithin.compareTo(DANGER_ACKNOWLEDGE) > 0) {
            acknowledgeWithin = DANGER_ACKNOWLEDGE;
        }
        c.acknowledgeBy = now.plus(acknowledgeWithin);
        c.reviewBy = now.plus(times.reviewWithin());
        c.persist();
        submitted.fire(new ReportSubmitted(c.id, schoolId, category, c.urgent, turn.volumeAlert(), turn));
        ZoneId zone = schools.byId(schoolId).map(SchoolDirectory.Listing::zone).orElse(ZoneId.of("UTC"));
        return Optional.of(receipt.readBy(c.acknowledgeBy.atZone(zone)));
    }

    private String encryptOptional(String context, String value) {
        return value == null || value.isBlank() ? null : cipher.encrypt(context, value);
    }

    /**
     * The case behind a receipt. A wrong and an unknown receipt take the same path (hash, one look-up),
     * so neither the answer nor its timing tells them apart.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<FollowUp> followUp(String typed) {
        return find(typed).map(this::view);
    }

    /**
     * Stores a reporter's reply. The case row is locked first and the message inserted after, the order
     * every writer of a case keeps, so a reply racing staff changes or a second click is not a deadlock
     * victim; if the database still picks it as one, the reply is repeated in a new transaction.
     */
    @Transactional
    @RetryOnLock
    public Optional<Replied> reply(String typed, String text, String onceHash) {
        Optional<ReportCase> found = findForChange(typed);
        // The case row is locked first, so a second send of the same form waits here and then finds its token used.
        boolean repeated = found.isPresent() && onceHash != null && !FormTokenUse.claim(onceHash, clock.now());
        // A purged case takes no more messages: its receipt only still says that the content was deleted.
        // A closed case takes replies for the configured time after closing, then it is read-only.
        found.filter(c -> c.purgedAt == null && !repeated && replyOpen(c)).ifPresent(c -> {
            CaseMessage m = new CaseMessage();
            m.caseId = c.id;
            m.fromReporter = true;
            m.bodyEnc = cipher.encrypt("message.body", text);
            m.createdAt = clock.now().truncatedTo(ChronoUnit.MINUTES);
            m.persist();
            c.updatedAt = m.createdAt;
            replied.fire(new ReporterReplied(c.id, c.schoolId));
        });
        return found.map(c -> new Replied(view(c), repeated));
    }

    /** A reply's outcome: the follow-up view, and whether this was the same form sent again (nothing stored). */
    public record Replied(FollowUp view, boolean repeated) {}

    /** As {@link #find}, with the case row locked for the change (the same single look-up either way). */
    private Optional<ReportCase> findForChange(String typed) {
        Receipt r = Receipt.parse(typed);
        String h = hash.hex(RECEIPT, r == null ? "not-a-receipt" : r.digits());
        Optional<ReportCase> c = ReportCase.findByReceiptHashForChange(h);
        return r == null ? Optional.empty() : c;
    }

    private Optional<ReportCase> find(String typed) {
        Receipt r = Receipt.parse(typed);
        String h = hash.hex(RECEIPT, r == null ? "not-a-receipt" : r.digits());
        Optional<ReportCase> c = ReportCase.findByReceiptHash(h);
        return r == null ? Optional.empty() : c;
    }

    /** Whether the reporter may still write: the case is open, or closed less than the reply window ago. */
    boolean replyOpen(ReportCase c) {
        return c.purgedAt == null
                && (c.status != CaseStatus.CLOSED
                        || c.closedAt == null
                        || clock.now().isBefore(c.closedAt.plus(cases.replyWindowAfterClose())));
    }

    private FollowUp view(ReportCase c) {
        ZoneId zone =
                schools.byId(c.schoolId).map(SchoolDirectory.Listing::zone).orElse(ZoneId.of("UTC"));
        var lines = CaseMessage.listByCase(c.id).stream()
                .map(m -> new FollowUp.Line(
                        m.fromReporter, cipher.decrypt("message.body", m.bodyEnc), m.createdAt.atZone(zone)))
                .toList();
        return new FollowUp(
                c.status,
                c.category,
                c.dangerNow,
                c.acknowledgeBy.atZone(zone),
                c.reviewBy.atZone(zone),
                lines,
                c.purgedAt == null ? null : c.purgedAt.atZone(zone),
                c.status == CaseStatus.CLOSED && c.closedAt != null ? c.closedAt.atZone(zone) : null,
                c.status == CaseStatus.CLOSED && c.closedAt != null
                        ? c.closedAt.plus(cases.replyWindowAfterClose()).atZone(zone)
                        : null,
                replyOpen(c));
    }
}
