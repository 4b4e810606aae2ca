package io.haven.staff;

import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.web.Clock;
import io.haven.web.HavenConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * First run: while no administrator exists, a one-time setup token is made at start-up and written
 * to the log (the only secret Haven ever logs, and only then). The setup page creates the first
 * school and its administrator; after that the page is gone.
 */
@ApplicationScoped
public class SetupService {

    private static final Logger LOG = Logger.getLogger(SetupService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    PasswordHasher passwords;

    @Inject
    SchoolDirectory schools;

    @Inject
    HavenConfig haven;

    @Inject
    Clock clock;

    /** Held in memory only: a restart makes a new one. */
    private volatile String token;

    /** After the demo accounts (priority 2), so a demo run has an administrator and logs no token. */
    void onStart(@Observes @Priority(5) StartupEvent event) {
        prepare();
    }

    /** Makes and logs a setup token if no administrator exists. Returns it (tests read it from here). */
    @Transactional(Transactional.TxType.SUPPORTS)
    synchronized String prepare() {
        if (StaffRole.anyActiveWith(Role.ADMIN, Role.DISTRICT_ADMIN)) {
            token = null;
            return null;
        }
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        String base = haven.baseUrl().replaceAll("/+$", "");
        LOG.infof("First run: no administrator yet. Create the first school and administrator at %s/staff/setup?token=%s "
                + "(this link works once, until the next restart)", base, token);
        return token;
    }

    /** Whether the setup page is open to this token: a token exists, it matches, and still no administrator. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean accepts(String submitted) {
        String t = token;
        if (t == null || submitted == null) {
            return false;
        }
        if (!MessageDigest.isEqual(t.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8))) {
            return false;
        }
        return !StaffRole.anyActiveWith(Role.ADMIN, Role.DISTRICT_ADMIN);
    }

    /** Creates the first school and administrator, and retires the token. False if the token no longer works. */
    @Transactional
    public synchronized boolean complete(String submittedToken, SetupForm form) {
        if (!accepts(submittedToken)) {
            return false;
        }
        School s = new School();
        s.name = form.schoolName.strip();
        s.slug = form.slug.strip();
        s.jurisdiction = form.jurisdiction;
        s.defaultLanguage = form.language;
        s.timeZone = form.timeZone.strip();
        s.createdAt = clock.now();
        s.persist();
        Staff a = new Staff();
        a.email = Staff.normalizeEmail(form.email);
        a.displayName = form.displayName.strip();
        a.passwordHash = passwords.hash(form.password);
        a.createdAt = clock.now();
        a.persist();
        StaffRole.of(a.id, s.id, Role.ADMIN).persist();
        token = null;
        return true;
    }

    /** After the transaction: public pages learn of the new school. */
    public void refreshSchools() {
        schools.refresh();
    }
}
