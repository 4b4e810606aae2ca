package io.haven.casework;

import io.haven.notify.JobLease;
import io.haven.notify.MailOutbox;
import io.haven.report.CaseStatus;
import io.haven.report.Category;
import io.haven.report.ReportCase;
import io.haven.school.School;
import io.haven.staff.Role;
import io.haven.staff.Staff;
import io.haven.web.Clock;
import io.haven.web.DeadlineMsg;
import io.haven.web.HavenConfig;
import io.haven.web.Language;
import io.haven.web.Messages;
import io.haven.web.ReportingMsg;
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
import java.util.List;
import java.util.Optional;

/**
 * Escalates overdue urgent cases: a case still NEW (nobody acknowledged it) past its acknowledge-by
 * time, urgent (someone in danger now) or about an intimate image, is mailed to the school's
 * administrators, and again at each further escalation interval of the school until someone
 * acknowledges it. The mail says nothing of the report. One node runs it (a lease).
 */
@ApplicationScoped
public class EscalationJob {

    static final String JOB = "case-escalation";
    private static final int BATCH = 500;

    @Inject
    JobLease lease;

    /** Its schedule ({@code escalateEvery}), read by the @Scheduled expression; injected so the mapping is kept. */
    @Inject
    DeadlineConfig schedule;

    @Inject
    Clock clock;

    @Inject
    MailOutbox outbox;

    @Inject
    AuditChain auditChain;

    @Inject
    HavenConfig config;

    @Inject
    EntityManager em;

    @Scheduled(every = "${haven.deadlines.escalate-every:60s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        lease.run(JOB, Duration.ofMinutes(5), this::run);
    }

    /** Escalates every overdue urgent case whose next reminder is due; returns how many were escalated. */
    public int run() {
        Instant now = clock.now();
        return PerCase.run(() -> overdue(now), id -> escalate(id, now));
    }

    private List<Long> overdue(Instant now) {
        List<Category> intimate = Arrays.stream(Category.values()).filter(c -> c.intimateImage).toList();
        return em.createQuery("select c.id from ReportCase c where c.status = ?1 and c.acknowledgedAt is null"
                + " and c.acknowledgeBy < ?2 and (c.urgent = true or c.category in ?3) and c.purgedAt is null"
                + " order by c.acknowledgeBy", Long.class)
                .setParameter(1, CaseStatus.NEW).setParameter(2, now).setParameter(3, intimate)
                .setMaxResults(BATCH).getResultList();
    }

    /** Escalates one case if it is still unacknowledged and its next reminder is due. */
    private boolean escalate(long id, Instant now) {
        // Locked: a handler acknowledging it right now either comes first (no mail) or waits for this.
        ReportCase c = em.find(ReportCase.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || c.status != CaseStatus.NEW || c.acknowledgedAt != null || !c.acknowledgeBy.isBefore(now)) {
            return false;
        }
        School school = School.findById(c.schoolId);
        Optional<Instant> last = CaseEscalation.lastSentAt(c.id);
        if (last.isPresent() && last.get().plus(Duration.ofMinutes(school.escalationIntervalMinutes)).isAfter(now)) {
            return false;
        }
        // Staff have no language of their own yet: the school's default language.
        Language language = Language.of(school.defaultLanguage).orElse(Language.EN);
        DeadlineMsg msg = Messages.deadlines(language);
        ReportingMsg reporting = Messages.reporting(language);
        String category = school.notifyCategory
                ? reporting.mail_category_line(CaseRouting.categoryLabel(reporting, c.category)) : "";
        ZoneId zone = ZoneId.of(school.timeZone);
        String due = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(language.locale).format(c.acknowledgeBy.atZone(zone)) + " (" + zone.getId() + ")";
        String link = config.baseUrl() + "/staff/cases/" + c.id;
        List<Staff> admins = CaseRouting.withRole(c.schoolId, Role.ADMIN).stream()
                .filter(s -> !s.id.equals(c.aboutStaffId)).toList();
        for (Staff admin : admins) {
            outbox.queue(admin.email, msg.deadline_escalation_subject(),
                    msg.deadline_escalation_body(school.name, due, link, category));
        }
        CaseEscalation e = new CaseEscalation();
        e.caseId = c.id;
        e.schoolId = c.schoolId;
        e.sentAt = now;
        e.recipients = admins.size();
        e.persist();

        CaseAudit a = new CaseAudit();
        a.schoolId = c.schoolId;
        a.caseId = c.id;
        a.staffId = null;
        a.action = "ESCALATE";
        a.detail = "administrators " + admins.size();
        a.createdAt = now;
        auditChain.append(a);
        return true;
    }
}
