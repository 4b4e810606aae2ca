package io.haven.web;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * One-time form tokens, so that sending a form twice (refreshing the page a POST answered, a double
 * click) changes nothing the second time, also on pages that must be rendered directly because they
 * hold a secret (the receipt, the follow-up). Each rendered form carries a random token and the time
 * it was made; the service that acts on the form claims the token's keyed hash in its own transaction
 * ({@link FormTokenUse#claim}). A token older than {@link #KEPT} is ignored (the form still works,
 * only without this protection), so used tokens need to be kept only that long.
 * Templates use {@code {#once/}}, which reads {@code inject:once}.
 */
@ApplicationScoped
@Named("once")
public class FormOnce {

    public static final String FIELD = "_once";
    static final Duration KEPT = Duration.ofDays(3);
    private static final String PURPOSE = "form-once";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    TokenMac mac;

    @Inject
    Clock clock;

    /** A new token for one form: 128 random bits and the second it was made. */
    public String getToken() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b) + "."
                + Long.toString(clock.now().getEpochSecond(), 36);
    }

    public String getField() {
        return FIELD;
    }

    /** The keyed hash to claim for a submitted token; empty when there is none, it is malformed or too old. */
    public Optional<String> hashOf(String submitted) {
        if (submitted == null || !submitted.matches("[A-Za-z0-9_-]{22}\\.[0-9a-z]{1,12}")) {
            return Optional.empty();
        }
        Instant made = Instant.ofEpochSecond(Long.parseLong(submitted.substring(23), 36));
        Instant now = clock.now();
        if (made.isBefore(now.minus(KEPT)) || made.isAfter(now.plus(Duration.ofMinutes(5)))) {
            return Optional.empty();
        }
        return Optional.of(mac.hex(PURPOSE, submitted));
    }

    /** Forgets used tokens once they are too old to be accepted anyway (harmless when two nodes both run it). */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetOld() {
        FormTokenUse.deleteUsedBefore(clock.now().minus(KEPT).minus(Duration.ofHours(1)));
    }
}
