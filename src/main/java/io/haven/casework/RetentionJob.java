package io.haven.casework;

import io.haven.audit.Actor;
import io.haven.audit.Audit;
import io.haven.jobs.JobLease;
import io.haven.report.CaseMessage;
import io.haven.report.CaseStatus;
import io.haven.report.ReportCase;
import io.haven.school.School;
import io.haven.web.Clock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Deletes the content of closed cases once their school's retention period has passed: what the
 * reporter wrote, the conversation, the notes, the closing reason and a lifted hold's reason. The
 * category, who was affected, the dates, status, outcome and urgency stay for statistics. A case on
 * legal hold is skipped until the hold is lifted. Each purge is audited. One node runs it (a lease),
 * in batches ({@code haven.deadlines.batch-size}) of a short transaction each (see {@link PerCase}).
 */
@ApplicationScoped
public class RetentionJob {

    static final String JOB = "case-retention";
    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    /** One kind of content a purge deletes. */
    @FunctionalInterface
    interface PurgeStep {
        void purge(ReportCase c);
    }

    /**
     * Everything a purge deletes, in order. A feature that stores more case content adds its step here
     * (as a lambda: Panache static method references break the build).
     */
    static final List<PurgeStep> STEPS = List.of(
            c -> {
                c.whereEnc = null;
                c.whenEnc = null;
                c.bodyEnc = null;
                c.contactEnc = null;
                c.outcomeReasonEnc = null;
                c.legalHoldReasonEnc = null;
            },
            c -> CaseMessage.delete("caseId", c.id),
            c -> CaseNote.delete("caseId", c.id),
            c -> CaseReferral.purgeContent(c.id),
            c -> CaseDutyMark.purgeContent(c.id));

    @Inject
    JobLease lease;

    /** Its schedule ({@code purgeEvery}, {@code purgeDelay}: read by the @Scheduled expression) and batch size. */
    @Inject
    DeadlineConfig schedule;

    @Inject
    Clock clock;

    @Inject
    Audit audit;

    @Inject
    EntityManager em;

    @Scheduled(
            every = "${haven.deadlines.purge-every:24h}",
            delayed = "${haven.deadlines.purge-delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        lease.run(JOB, Duration.ofHours(1), this::run);
    }

    /** Purges every closed case past its school's retention and not on hold; returns how many. */
    public int run() {
        Instant now = clock.now();
        long t0 = System.nanoTime();
        int size = Math.max(1, schedule.batchSize());
        // The schools first (id and retention only), then each school's due cases in batches by id.
        List<Object[]> schools = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery("select s.id, s.retentionDays from School s order by s.id", Object[].class)
                        .getResultList());
        PerCase.Tally tally = new PerCase.Tally(0, 0);
        for (Object[] s : schools) {
            long school = (Long) s[0];
            Instant cutoff = now.minus(Duration.ofDays((Integer) s[1]));
            tally = tally.plus(PerCase.run(size, after -> due(school, cutoff, after, size), id -> purge(id, now)));
        }
        LOG.infof(
                "Retention: purged %d cases in %d ms (%d batches of at most %d)",
                tally.done(), (System.nanoTime() - t0) / 1_000_000, tally.batches(), size);
        return tally.done();
    }

    /**
     * The next due cases of a school above an id: read in primary key order from there, so a run is one pass
     * over the table however many batches it takes.
     */
    private List<Long> due(long school, Instant cutoff, long after, int size) {
        return em.createQuery(
                        "select c.id from ReportCase c where c.schoolId = ?1 and c.status = ?2 and c.legalHold = false"
                                + " and c.purgedAt is null and c.id > ?3 and c.closedAt < ?4 order by c.id",
                        Long.class)
                .setParameter(1, school)
                .setParameter(2, CaseStatus.CLOSED)
                .setParameter(3, after)
                .setParameter(4, cutoff)
                .setMaxResults(size)
                .getResultList();
    }

    private static Instant cutoff(School s, Instant now) {
        return now.minus(Duration.ofDays(s.retentionDays));
    }

    /**
     * Purges one case if it is still due (checked again under a lock: a hold may just have been placed);
     * answers its audit, which the batch records after all its purges.
     */
    private Runnable purge(long id, Instant now) {
        ReportCase c = em.find(ReportCase.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            return null;
        }
        School school = School.findById(c.schoolId);
        if (c.status != CaseStatus.CLOSED
                || c.closedAt == null
                || !c.closedAt.isBefore(cutoff(school, now))
                || c.legalHold
                || c.purgedAt != null) {
            return null;
        }
        for (PurgeStep step : STEPS) {
            step.purge(c);
        }
        c.purgedAt = now;
        long schoolId = c.schoolId;
        String detail = "retention " + school.retentionDays + " days";
        return () -> audit.record(Actor.system("retention"), schoolId, id, "PURGE", detail);
    }
}
