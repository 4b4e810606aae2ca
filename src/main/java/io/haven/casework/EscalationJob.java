package io.haven.casework;

import io.haven.audit.Actor;
import io.haven.audit.Audit;
import io.haven.jobs.JobLease;
import io.haven.notify.MailOutbox;
import io.haven.report.CaseStatus;
import io.haven.report.Category;
import io.haven.report.ReportCase;
import io.haven.report.ReportingMsg;
import io.haven.school.School;
import io.haven.staff.Role;
import io.haven.staff.Staff;
import io.haven.web.Clock;
import io.haven.web.HavenConfig;
import io.haven.web.Language;
import io.haven.web.Messages;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Escalates overdue urgent cases: a case still NEW (nobody acknowledged it) past its acknowledge-by
 * time, urgent (someone in danger now) or about an intimate image, is mailed to the school's
 * administrators, and again at each further escalation interval of the school until someone
 * acknowledges it. An open case with a required legal duty (content/duties) past its due time and not
 * marked is escalated the same way until each such duty is marked; one mail per case and interval says
 * how many duties are overdue. The mail says nothing of the report. One node runs it (a lease).
 */
@ApplicationScoped
public class EscalationJob {

    static final String JOB = "case-escalation";
    private static final Logger LOG = Logger.getLogger(EscalationJob.class);

    @Inject
    JobLease lease;

    /** Its schedule ({@code escalateEvery}, {@code escalateDelay}: read by the @Scheduled expression) and batch size. */
    @Inject
    DeadlineConfig schedule;

    @Inject
    Clock clock;

    @Inject
    MailOutbox outbox;

    @Inject
    Audit audit;

    @Inject
    HavenConfig config;

    @Inject
    EntityManager em;

    @Inject
    CaseDuties duties;

    @Scheduled(
            every = "${haven.deadlines.escalate-every:60s}",
            delayed = "${haven.deadlines.escalate-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        lease.run(JOB, Duration.ofMinutes(5), this::run);
    }

    /** Escalates every overdue urgent case whose next reminder is due; returns how many were escalated. */
    public int run() {
        Instant now = clock.now();
        long t0 = System.nanoTime();
        int size = Math.max(1, schedule.batchSize());
        // Every case not acknowledged in time, in batches by id: a run reaches them all, however many there are.
        Set<Long> seen = new HashSet<>();
        PerCase.Tally tally = PerCase.run(
                size,
                after -> {
                    List<Long> ids = unacknowledged(now, after, size);
                    seen.addAll(ids);
                    return ids;
                },
                id -> escalate(id, now));
        // Then every open case that may have a required duty past its due time, in batches by id too: a backlog
        // of open cases with nothing overdue must not keep the later ones from being checked. A case the first
        // pass handled is passed over (the step takes no lock for it).
        List<Category> clocked = duties.categoriesWithClockedDuties();
        if (!clocked.isEmpty()) {
            tally = tally.plus(PerCase.run(
                    size,
                    after -> mayHaveOverdueDuties(now, clocked, after, size),
                    id -> seen.contains(id) ? null : escalate(id, now)));
        }
        LOG.infof(
                "Escalation: escalated %d cases in %d ms (%d batches of at most %d)",
                tally.done(), (System.nanoTime() - t0) / 1_000_000, tally.batches(), size);
        return tally.done();
    }

    /** The next open cases above an id whose category has a required duty with a clock, received by now. */
    private List<Long> mayHaveOverdueDuties(Instant now, List<Category> clocked, long after, int size) {
        return em.createQuery(
                        "select c.id from ReportCase c where c.status <> ?1 and c.purgedAt is null"
                                + " and c.category in ?2 and c.createdAt <= ?3 and c.id > ?4 order by c.id",
                        Long.class)
                .setParameter(1, CaseStatus.CLOSED)
                .setParameter(2, clocked)
                .setParameter(3, now)
                .setParameter(4, after)
                .setMaxResults(size)
                .getResultList();
    }

    /** The next cases above an id not acknowledged in time (ix_report_case_unacknowledged: seek, no sort). */
    private List<Long> unacknowledged(Instant now, long after, int size) {
        List<Category> intimate =
                Arrays.stream(Category.values()).filter(c -> c.intimateImage).toList();
        return em.createQuery(
                        "select c.id from ReportCase c where c.status = ?1 and c.purgedAt is null"
                                + " and c.acknowledgedAt is null and c.id > ?4 and c.acknowledgeBy < ?2"
                                + " and (c.urgent = true or c.category in ?3) order by c.id",
                        Long.class)
                .setParameter(1, CaseStatus.NEW)
                .setParameter(2, now)
                .setParameter(3, intimate)
                .setParameter(4, after)
                .setMaxResults(size)
                .getResultList();
    }

    /** Escalates one case if it is still unacknowledged or has overdue required duties, and its next reminder is due. */
    private Runnable escalate(long id, Instant now) {
        // Locked: a handler acknowledging it right now either comes first (no mail) or waits for this.
        ReportCase c = em.find(ReportCase.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            return null;
        }
        boolean unacknowledged = c.status == CaseStatus.NEW
                && c.acknowledgedAt == null
                && c.acknowledgeBy.isBefore(now)
                && (c.urgent || c.category.intimateImage)
                && c.purgedAt == null;
        int overdueDuties = duties.overdueMandatory(c, now).size();
        if (!unacknowledged && overdueDuties == 0) {
            return null;
        }
        School school = School.findById(c.schoolId);
        Optional<Instant> last = CaseEscalation.lastSentAt(c.id);
        if (last.isPresent()
                && last.get()
                        .plus(Duration.ofMinutes(school.escalationIntervalMinutes))
                        .isAfter(now)) {
            return null;
        }
        // Staff have no language of their own yet: the school's default language.
        Language language = Language.of(school.defaultLanguage).orElse(Language.EN);
        DeadlineMsg msg = Messages.get(DeadlineMsg.class, language);
        ReportingMsg reporting = Messages.get(ReportingMsg.class, language);
        String category = school.notifyCategory
                ? Messages.get(CaseworkMsg.class, language)
                        .mail_category_line(CaseRouting.categoryLabel(reporting, c.category))
                : "";
        ZoneId zone = ZoneId.of(school.timeZone);
        String due = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(language.locale)
                        .format(c.acknowledgeBy.atZone(zone))
                + " (" + zone.getId() + ")";
        String link = config.baseUrl() + "/staff/cases/" + c.id;
        DutiesMsg dutyMsg = Messages.get(DutiesMsg.class, language);
        List<Staff> admins = CaseRouting.withRole(c.schoolId, Role.ADMIN).stream()
                .filter(s -> !s.id.equals(c.aboutStaffId))
                .toList();
        for (Staff admin : admins) {
            if (unacknowledged) {
                String lines = overdueDuties == 0
                        ? category
                        : (category.isEmpty() ? "" : category + "\n") + dutyMsg.duty_mail_line(overdueDuties);
                outbox.queue(
                        admin.email,
                        msg.deadline_escalation_subject(),
                        msg.deadline_escalation_body(school.name, due, link, lines));
            } else {
                outbox.queue(
                        admin.email,
                        dutyMsg.duty_mail_subject(),
                        dutyMsg.duty_mail_body(school.name, overdueDuties, link));
            }
        }
        CaseEscalation e = new CaseEscalation();
        e.caseId = c.id;
        e.schoolId = c.schoolId;
        e.sentAt = now;
        e.recipients = admins.size();
        e.unacknowledged = unacknowledged;
        e.overdueDuties = overdueDuties;
        e.persist();

        long schoolId = c.schoolId;
        String detail =
                "administrators " + admins.size() + (overdueDuties == 0 ? "" : ", overdue duties " + overdueDuties);
        return () -> audit.record(Actor.system("escalation"), schoolId, id, "ESCALATE", detail);
    }
}
