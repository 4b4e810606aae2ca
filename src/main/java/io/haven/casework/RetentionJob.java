package io.haven.casework;

import io.haven.audit.Actor;
import io.haven.audit.Audit;
import io.haven.jobs.JobLease;
import io.haven.report.CaseMessage;
import io.haven.report.CaseStatus;
import io.haven.report.ReportCase;
import io.haven.school.School;
import io.haven.web.Clock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes the content of closed cases once their school's retention period has passed: what the
 * reporter wrote, the conversation, the notes, the closing reason and a lifted hold's reason. The
 * category, who was affected, the dates, status, outcome and urgency stay for statistics. A case on
 * legal hold is skipped until the hold is lifted. Each purge is audited. One node runs it (a lease).
 */
@ApplicationScoped
public class RetentionJob {

    static final String JOB = "case-retention";

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

    /** Its schedule ({@code purgeEvery}), read by the @Scheduled expression; injected so the mapping is kept. */
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
            delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        lease.run(JOB, Duration.ofHours(1), this::run);
    }

    /** Purges every closed case past its school's retention and not on hold; returns how many. */
    public int run() {
        Instant now = clock.now();
        return PerCase.run(() -> due(now), id -> purge(id, now));
    }

    private List<Long> due(Instant now) {
        List<Long> ids = new ArrayList<>();
        for (School s : School.<School>listAll()) {
            ids.addAll(em.createQuery(
                            "select c.id from ReportCase c where c.schoolId = ?1 and c.status = ?2"
                                    + " and c.closedAt < ?3 and c.legalHold = false and c.purgedAt is null order by c.id",
                            Long.class)
                    .setParameter(1, s.id)
                    .setParameter(2, CaseStatus.CLOSED)
                    .setParameter(3, cutoff(s, now))
                    .getResultList());
        }
        return ids;
    }

    private static Instant cutoff(School s, Instant now) {
        return now.minus(Duration.ofDays(s.retentionDays));
    }

    /** Purges one case if it is still due (checked again under a lock: a hold may just have been placed). */
    private boolean purge(long id, Instant now) {
        ReportCase c = em.find(ReportCase.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            return false;
        }
        School school = School.findById(c.schoolId);
        if (c.status != CaseStatus.CLOSED
                || c.closedAt == null
                || !c.closedAt.isBefore(cutoff(school, now))
                || c.legalHold
                || c.purgedAt != null) {
            return false;
        }
        for (PurgeStep step : STEPS) {
            step.purge(c);
        }
        c.purgedAt = now;

        audit.record(
                Actor.system("retention"), c.schoolId, c.id, "PURGE", "retention " + school.retentionDays + " days");
        return true;
    }
}
