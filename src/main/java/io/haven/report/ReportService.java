package io.haven.report;

import io.haven.crypto.FieldCipher;
import io.haven.crypto.KeyedHash;
import io.haven.school.SchoolDeadline;
import io.haven.school.SchoolDirectory;
import io.haven.web.Clock;
import io.haven.web.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

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
    public Receipt submitNew(ReportForm form, long schoolId, Language language) {
        for (int attempt = 1;; attempt++) {
            try {
                return self.submit(form, schoolId, language);
            } catch (PersistenceException e) {
                if (attempt >= 3 || !isReceiptTaken(e)) {
                    throw e;
                }
            }
        }
    }

    static boolean isReceiptTaken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cv && cv.getConstraintName() != null
                    && cv.getConstraintName().toLowerCase(java.util.Locale.ROOT).contains("receipt")) {
                return true;
            }
        }
        return false;
    }

    @Transactional
    public Receipt submit(ReportForm form, long schoolId, Language language) {
        Instant now = clock.now();
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
        // The first flagged report of a wave alerts the administrators; the wave's later ones do not.
        boolean volumeAlert = c.volumeFlagged && !ReportCase.flaggedSince(schoolId, hourAgo);
        c.status = CaseStatus.NEW;
        c.receiptHash = receiptHash;
        c.language = language.code;
        c.whereEnc = encryptOptional("report.where", form.where);
        c.whenEnc = encryptOptional("report.when", form.when);
        c.bodyEnc = cipher.encrypt("report.body", form.body);
        c.contactEnc = encryptOptional("report.contact", form.contact);
        c.createdAt = now;
        c.updatedAt = now;
        SchoolDeadline.Times times = SchoolDeadline.effective(schoolId, category);
        Duration acknowledgeWithin = times.acknowledgeWithin();
        if (c.dangerNow && acknowledgeWithin.compareTo(DANGER_ACKNOWLEDGE) > 0) {
            acknowledgeWithin = DANGER_ACKNOWLEDGE;
        }
        c.acknowledgeBy = now.plus(acknowledgeWithin);
        c.reviewBy = now.plus(times.reviewWithin());
        c.persist();
        submitted.fire(new ReportSubmitted(c.id, schoolId, category, c.urgent, volumeAlert));
        return receipt;
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

    @Transactional
    public Optional<FollowUp> reply(String typed, String text) {
        Optional<ReportCase> found = find(typed);
        // A purged case takes no more messages: its receipt only still says that the content was deleted.
        found.filter(c -> c.purgedAt == null).ifPresent(c -> {
            CaseMessage m = new CaseMessage();
            m.caseId = c.id;
            m.fromReporter = true;
            m.bodyEnc = cipher.encrypt("message.body", text);
            m.createdAt = clock.now();
            m.persist();
            c.updatedAt = m.createdAt;
            replied.fire(new ReporterReplied(c.id, c.schoolId));
        });
        return found.map(this::view);
    }

    private Optional<ReportCase> find(String typed) {
        Receipt r = Receipt.parse(typed);
        String h = hash.hex(RECEIPT, r == null ? "not-a-receipt" : r.digits());
        Optional<ReportCase> c = ReportCase.findByReceiptHash(h);
        return r == null ? Optional.empty() : c;
    }

    private FollowUp view(ReportCase c) {
        ZoneId zone = schools.byId(c.schoolId).map(SchoolDirectory.Listing::zone).orElse(ZoneId.of("UTC"));
        var lines = CaseMessage.listByCase(c.id).stream()
                .map(m -> new FollowUp.Line(m.fromReporter, cipher.decrypt("message.body", m.bodyEnc),
                        m.createdAt.atZone(zone)))
                .toList();
        return new FollowUp(c.status, c.category, c.dangerNow, c.acknowledgeBy.atZone(zone), c.reviewBy.atZone(zone),
                lines, c.purgedAt == null ? null : c.purgedAt.atZone(zone));
    }

}
