package io.haven.ops;

import io.haven.crypto.KeyUsage;
import io.haven.jobs.JobLease;
import io.haven.lesson.ContentCatalogue;
import io.haven.lesson.HelpDirectory;
import io.haven.lesson.HelpEntry;
import io.haven.lesson.LawFact;
import io.haven.lesson.LawSheet;
import io.haven.web.Clock;
import io.haven.web.HavenConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The figures of the administrators' status page and of the management port's gauges: mail outbox,
 * scheduled jobs, key use, settings left at unsafe defaults, content due for review, version and schema.
 * Nothing here holds report content or names a recipient.
 */
@ApplicationScoped
public class StatusService {

    @Inject
    EntityManager em;

    @Inject
    KeyUsage keyUsage;

    @Inject
    ContentCatalogue content;

    @Inject
    HavenConfig haven;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String version;

    private volatile Schema schema;

    /** The outbox as far as one scope sees it. */
    public record Outbox(long waiting, long retrying, long failed, Instant oldestWaiting) {

        public boolean healthy() {
            return failed == 0 && retrying == 0;
        }
    }

    /** A scheduled job's lease row. */
    public record Job(
            String name, String holder, Instant leaseUntil, Instant lastRun, boolean thisNode, boolean held) {}

    /** A fact or help entry last checked more than a year ago. */
    public record DueForReview(String jurisdiction, String id, LocalDate reviewed) {}

    /** The migration level this node's schema is at. */
    public record Schema(String version, String description) {}

    /**
     * The outbox: all of it ({@code schools} empty: the district), or the mail to staff of these schools
     * (the outbox keeps no school, so mail is counted by its recipient's roles).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Outbox outbox(Collection<Long> schools) {
        String scope = schools.isEmpty()
                ? ""
                : " AND recipient IN (SELECT s.email FROM staff s JOIN staff_role r "
                        + "ON r.staff_id = s.id WHERE r.school_id IN (:schools))";
        var q = em.createNativeQuery("SELECT "
                + "SUM(CASE WHEN sent_at IS NULL AND failed_at IS NULL THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN sent_at IS NULL AND failed_at IS NULL AND attempts > 0 THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN failed_at IS NOT NULL AND sent_at IS NULL THEN 1 ELSE 0 END), "
                + "MIN(CASE WHEN sent_at IS NULL AND failed_at IS NULL THEN created_at END) "
                + "FROM mail_outbox WHERE 1 = 1" + scope);
        if (!schools.isEmpty()) {
            q.setParameter("schools", schools);
        }
        Object[] r = (Object[]) q.getSingleResult();
        return new Outbox(number(r[0]), number(r[1]), number(r[2]), instant(r[3]));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Job> jobs() {
        Instant now = clock.now();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT name, holder, expires_at, last_run_at FROM job_lease ORDER BY name")
                .getResultList();
        List<Job> out = new ArrayList<>();
        for (Object[] r : rows) {
            Instant until = instant(r[2]);
            String holder = (String) r[1];
            out.add(new Job(
                    (String) r[0],
                    holder,
                    until,
                    instant(r[3]),
                    // Before this node's first job run, it has no lease id yet (and holds no lease).
                    holder != null && holder.equals(JobLease.node()),
                    until != null && until.isAfter(now)));
        }
        return out;
    }

    public List<KeyUsage.Use> keys() {
        return keyUsage.count();
    }

    /** Message keys of the settings still at a value that is unsafe in production. */
    public List<String> unsafeSettings() {
        List<String> out = new ArrayList<>();
        String base = haven.baseUrl().strip().toLowerCase(java.util.Locale.ROOT);
        if (base.startsWith("http://localhost") || base.startsWith("http://127.0.0.1")) {
            out.add("ops_status_unsafe_base_url");
        } else if (base.startsWith("http://")) {
            out.add("ops_status_unsafe_base_url_http");
        }
        if (!haven.secureCookies()) {
            out.add("ops_status_unsafe_cookies");
        }
        if (haven.demoData()) {
            out.add("ops_status_unsafe_demo");
        }
        return out;
    }

    /** Law facts (offences and duties alike) and help entries of these jurisdictions (all, if empty) not checked for over 12 months. */
    public List<DueForReview> dueForReview(Collection<String> jurisdictions) {
        LocalDate today = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
        List<DueForReview> out = new ArrayList<>();
        for (LawSheet sheet : content.curriculum().law().values()) {
            if (!jurisdictions.isEmpty() && !jurisdictions.contains(sheet.jurisdiction())) {
                continue;
            }
            for (LawFact f : sheet.facts()) {
                if (f.dueForReview(today)) {
                    out.add(new DueForReview(sheet.jurisdiction(), f.id(), f.reviewed()));
                }
            }
        }
        for (HelpDirectory h : content.curriculum().help().values()) {
            if (!jurisdictions.isEmpty() && !jurisdictions.contains(h.jurisdiction())) {
                continue;
            }
            for (HelpEntry e : h.entries()) {
                if (e.verified() != null && e.verified().plusMonths(12).isBefore(today)) {
                    out.add(new DueForReview(h.jurisdiction(), e.id(), e.verified()));
                }
            }
        }
        return out;
    }

    public String version() {
        return version;
    }

    /**
     * The newest migration applied, as this node saw it at its start (migrations run only at start-up).
     * Read from Flyway's history table, not through Flyway: asking Flyway resolves and checksums every
     * packaged migration, the work a start with nothing to migrate skips ({@link FlywayAtStart}).
     */
    public Schema schema() {
        Schema s = schema;
        if (s == null) {
            s = new Schema("-", "");
            List<?> rows = em.createNativeQuery(
                            "SELECT version, description FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL")
                    .getResultList();
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                String v = String.valueOf(r[0]);
                if ("-".equals(s.version()) || FlywayAtStart.compare(v, s.version()) > 0) {
                    s = new Schema(v, String.valueOf(r[1]));
                }
            }
            schema = s;
        }
        return s;
    }

    private static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    /** A time from a native query: the columns hold UTC wall-clock text (V190), whatever the JVM's zone. */
    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (o instanceof java.time.LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (o instanceof java.time.OffsetDateTime d) {
            return d.toInstant();
        }
        throw new IllegalStateException("Unexpected time type " + o.getClass());
    }
}
