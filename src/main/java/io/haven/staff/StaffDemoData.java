package io.haven.staff;

import io.haven.school.School;
import io.haven.web.Clock;
import io.haven.web.HavenConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Demo staff for the embedded run (haven.demo-data=true only, never in production): one account per
 * role at the demo school, with known passwords printed at start-up. None has a second factor yet,
 * so the first sign-in of the handler, administrator and district administrator walks through
 * enrolment with any authenticator app.
 */
@ApplicationScoped
public class StaffDemoData {

    private static final Logger LOG = Logger.getLogger(StaffDemoData.class);

    record DemoAccount(String email, String name, String password, Role role) {}

    static final DemoAccount[] ACCOUNTS = {
        new DemoAccount("teacher@demo.haven", "Demo Teacher", "demo-teacher-pass", Role.TEACHER),
        new DemoAccount("handler@demo.haven", "Demo Handler", "demo-handler-pass", Role.HANDLER),
        new DemoAccount("admin@demo.haven", "Demo Administrator", "demo-admin-pass", Role.ADMIN),
        new DemoAccount("district@demo.haven", "Demo District Administrator", "demo-district-pass", Role.DISTRICT_ADMIN)
    };

    @Inject
    HavenConfig config;

    @Inject
    PasswordHasher passwords;

    @Inject
    Clock clock;

    /**
     * After io.haven.school.DemoData (priority 1) has made the demo school, under its lease. Each account is
     * its own transaction, and an account another node inserted first (unique e-mail) is no error.
     */
    void onStart(@Observes @Priority(2) StartupEvent event) {
        if (!config.demoData()) {
            return;
        }
        Optional<Long> school = QuarkusTransaction.requiringNew()
                .call(() -> School.findBySlug("demo").map(x -> x.id));
        if (school.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder("Demo data: staff accounts (sign in at /staff/login):");
        for (DemoAccount a : ACCOUNTS) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (Staff.findByEmail(a.email()).isEmpty()) {
                        Staff s = new Staff();
                        s.email = a.email();
                        s.displayName = a.name();
                        s.passwordHash = passwords.hash(a.password());
                        s.createdAt = clock.now();
                        s.persistAndFlush();
                        StaffRole.of(s.id, school.get(), a.role()).persist();
                    }
                });
            } catch (RuntimeException raced) {
                if (QuarkusTransaction.requiringNew()
                        .call(() -> Staff.findByEmail(a.email()).isEmpty())) {
                    throw raced;
                }
            }
            lines.append("\n  ")
                    .append(a.role())
                    .append(": ")
                    .append(a.email())
                    .append(" / ")
                    .append(a.password());
        }
        lines.append("\n  Handler and administrators set up a second factor (any TOTP app) at their first sign-in.");
        LOG.info(lines);
    }
}
