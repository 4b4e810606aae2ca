package io.haven.staff;

import io.haven.crypto.FieldCipher;
import io.haven.school.School;
import io.haven.web.Clock;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Schools, accounts and signed-in browsers for staff tests. Every account gets a fresh e-mail address. */
@ApplicationScoped
@io.quarkus.arc.Unremovable
public class StaffFixtures {

    static final String PASSWORD = "violet kettle harbour 42";
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final PasswordHasher HASHER = new PasswordHasher();

    @Inject
    FieldCipher cipher;

    @Inject
    Clock clock;

    @Inject
    LoginThrottle throttle;

    /** A new account with the fixture password, and its TOTP secret when enrolled (else null). */
    public record Account(long id, String email, String secret) {}

    static String email(String prefix) {
        return prefix + "-" + SEQ.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@test.haven";
    }

    public long school(String language) {
        return QuarkusTransaction.requiringNew().call(() -> {
            School s = new School();
            s.slug = "t-" + UUID.randomUUID().toString().substring(0, 12);
            s.name = "Test School " + s.slug;
            s.jurisdiction = "fr";
            s.defaultLanguage = language;
            s.timeZone = "Europe/Paris";
            s.createdAt = Instant.now();
            s.persist();
            return s.id;
        });
    }

    public Account account(Long schoolId, boolean enrolled, Role... roles) {
        String secret = enrolled ? Totp.newSecret() : null;
        String email = email(roles.length == 0 ? "none" : roles[0].name().toLowerCase());
        String hash = HASHER.hash(PASSWORD);
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Staff s = new Staff();
            s.email = email;
            s.displayName = "Test " + email.substring(0, email.indexOf('-'));
            s.passwordHash = hash;
            s.createdAt = Instant.now();
            if (secret != null) {
                s.totpSecret = cipher.encrypt(StaffService.TOTP_CONTEXT, secret);
                s.totpEnrolledAt = Instant.now();
            }
            s.persist();
            for (Role r : roles) {
                StaffRole.of(s.id, schoolId, r).persist();
            }
            return s.id;
        });
        return new Account(id, email, secret);
    }

    /** A TOTP code the account has not used yet: moves the clock on a step if the current one was used. */
    public String freshCode(Account a) {
        long last = QuarkusTransaction.requiringNew().call(() -> Staff.<Staff>findById(a.id()).totpLastStep);
        while (Totp.step(clock.now()) <= last) {
            clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        }
        return Totp.code(a.secret(), Totp.step(clock.now()));
    }

    public static Response passwordStep(FormSession b, String email, String password) {
        b.get("/staff/login");
        return b.post("/staff/login", Map.of("email", email, "password", password));
    }

    /** A browser signed in all the way (password, and a TOTP code if the account is enrolled). */
    public FormSession signedIn(Account a) {
        FormSession b = new FormSession();
        Response r = passwordStep(b, a.email(), PASSWORD);
        if (r.statusCode() != 303) {
            throw new AssertionError("sign-in failed: " + r.statusCode());
        }
        if (a.secret() != null) {
            b.get("/staff/second-factor");
            r = b.post("/staff/second-factor", Map.of("code", freshCode(a)));
            if (r.statusCode() != 303 || !r.header("Location").endsWith("/staff")) {
                throw new AssertionError("second factor failed: " + r.statusCode());
            }
        }
        return b;
    }

    public void reset() {
        clock.reset();
        throttle.clear();
    }
}
