package io.haven.staff;

import io.haven.audit.DistrictAudit;
import io.haven.crypto.KeyedHash;
import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.web.Clock;
import io.haven.web.HavenConfig;
import io.haven.web.RetryOnLock;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * First run: while no administrator exists, a one-time setup token is made at start-up and written
 * to the log (the only secret Haven ever logs, and only then). Only its keyed hash is stored, in the
 * database, so the link works on every node (each node that starts without an administrator logs a
 * link of its own; any of them works, once). The setup page creates either one school and its
 * administrator, or a district administrator who then creates the schools; after that the page is gone.
 */
@ApplicationScoped
public class SetupService {

    private static final Logger LOG = Logger.getLogger(SetupService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String TOKEN_PURPOSE = "staff.setup";
    /** How long a logged link works, if nobody completes the setup before. */
    static final Duration VALIDITY = Duration.ofHours(24);

    @Inject
    PasswordHasher passwords;

    @Inject
    SchoolDirectory schools;

    @Inject
    HavenConfig haven;

    @Inject
    KeyedHash keyedHash;

    @Inject
    Clock clock;

    /** After the demo accounts (priority 2) and the provisioning file (4): a demo run has an administrator and logs no token. */
    void onStart(@Observes @Priority(5) StartupEvent event) {
        prepare();
    }

    /**
     * Makes, stores (hashed) and logs a setup token if no administrator exists. Returns it (tests read it from here).
     * Retried on a lock conflict: nodes started together on one database run this at the same moment, and the
     * clean-up's gap locks and the insert deadlocked one of them out of its start (two-node drill).
     */
    @Transactional
    @RetryOnLock
    String prepare() {
        Instant now = clock.now();
        if (StaffRole.anyActiveWith(Role.ADMIN, Role.DISTRICT_ADMIN)) {
            // SQL, like the check: neither is the HQL parser's first use at every start.
            SetupToken.getEntityManager()
                    .createNativeQuery("DELETE FROM setup_token")
                    .executeUpdate();
            return null;
        }
        SetupToken.delete("expiresAt < ?1 or usedAt is not null", now);
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        SetupToken t = new SetupToken();
        t.tokenHash = keyedHash.hex(TOKEN_PURPOSE, token);
        t.createdAt = now;
        t.expiresAt = now.plus(VALIDITY);
        t.persist();
        String base = haven.baseUrl().replaceAll("/+$", "");
        LOG.infof(
                "First run: no administrator yet. Create the first school (or district administrator) at "
                        + "%s/staff/setup?token=%s (this link works once, on any node, for %d hours)",
                base, token, VALIDITY.toHours());
        return token;
    }

    /** Whether the setup page is open to this token: it is a stored, unused, unexpired one, and still no administrator. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean accepts(String submitted) {
        if (submitted == null || !submitted.matches("[A-Za-z0-9_-]{32}")) {
            return false;
        }
        return SetupToken.findUsable(keyedHash.hex(TOKEN_PURPOSE, submitted), clock.now())
                        .isPresent()
                && !StaffRole.anyActiveWith(Role.ADMIN, Role.DISTRICT_ADMIN);
    }

    /**
     * Creates the first school and administrator (or the first district administrator), and uses the
     * token up. False if the token no longer works, here or because another node used it first.
     */
    @Transactional
    public boolean complete(String submittedToken, SetupForm form) {
        if (!accepts(submittedToken)
                || SetupToken.use(keyedHash.hex(TOKEN_PURPOSE, submittedToken), clock.now()) != 1) {
            return false;
        }
        Staff a = new Staff();
        a.email = Staff.normalizeEmail(form.email);
        a.displayName = form.displayName.strip();
        a.passwordHash = passwords.hash(form.password);
        a.createdAt = clock.now();
        a.persist();
        if (form.district()) {
            StaffRole.of(a.id, null, Role.DISTRICT_ADMIN).persist();
            DistrictAudit.record(a.id, "SETUP", "first district administrator: staff " + a.id, clock.now());
            return true;
        }
        School s = new School();
        s.name = form.schoolName.strip();
        s.slug = form.slug.strip();
        s.jurisdiction = form.jurisdiction;
        s.defaultLanguage = form.language;
        s.timeZone = form.timeZone.strip();
        s.createdAt = clock.now();
        s.persist();
        StaffRole.of(a.id, s.id, Role.ADMIN).persist();
        return true;
    }

    /** After the transaction: public pages learn of the new school. */
    public void refreshSchools() {
        schools.refresh();
    }
}
