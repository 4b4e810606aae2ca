package io.haven.casework;

import io.haven.audit.AuditChain;
import io.haven.audit.AuditConfig;
import io.haven.jobs.JobLease;
import io.haven.notify.MailOutbox;
import io.haven.school.School;
import io.haven.staff.Role;
import io.haven.staff.Staff;
import io.haven.web.Clock;
import io.haven.web.Language;
import io.haven.web.Messages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Once a day: a full check of the audit chain, and a content-free digest mailed to each school's
 * administrators with the log's size and the fingerprint of its newest row. The mail is the anchor
 * outside the database: a log rolled back to an earlier state no longer matches a fingerprint that
 * administrators already hold. One node runs it (a lease).
 */
@ApplicationScoped
public class AuditDigestJob {

    @Inject
    AuditChain chain;

    @Inject
    MailOutbox outbox;

    @Inject
    JobLease lease;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Its schedule, read by the @Scheduled expression; injected so the mapping is kept. */
    @Inject
    AuditConfig config;

    @Scheduled(cron = "${haven.audit.digest-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (lease.acquire("audit-digest", Duration.ofMinutes(30))) {
            run();
        }
    }

    /** Checks the whole chain and queues the digests; returns how many mails were queued. */
    public int run() {
        Optional<AuditChain.Break> broken = QuarkusTransaction.requiringNew().call(() -> chain.check(true));
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] head = (Object[]) em.createNativeQuery("SELECT row_count, last_hash FROM audit_head WHERE id = 1")
                    .getSingleResult();
            String rows = String.valueOf(((Number) head[0]).longValue());
            String fingerprint = head[1] == null ? "-" : ((String) head[1]).substring(0, 16);
            String day = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC).toString();
            int queued = 0;
            for (School school : School.<School>listAll()) {
                CaseworkMsg msg = Messages.get(
                        CaseworkMsg.class, Language.of(school.defaultLanguage).orElse(Language.EN));
                String state = broken.isEmpty() ? msg.audit_digest_intact() : msg.audit_digest_broken();
                for (Staff admin : CaseRouting.withRole(school.id, Role.ADMIN)) {
                    outbox.queue(
                            admin.email,
                            msg.audit_digest_subject(day),
                            msg.audit_digest_body(school.name, day, rows, fingerprint, state));
                    queued++;
                }
            }
            return queued;
        });
    }
}
