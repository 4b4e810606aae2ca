package io.haven.staff;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * argon2id password hashes, and the rules a new password must meet.
 * <p>
 * Parameters: 19 MiB memory, 4 passes, 1 lane, 32-byte output, 16-byte salt. OWASP's minimum for
 * argon2id is 19 MiB with 2 passes; we take 4 passes because a check then takes about 75 ms on the
 * 2-core reference machine (password4j 1.8.2, Java 25, warmed up, machine otherwise idle: 2 passes
 * 43 ms, 3 passes 55 ms, 4 passes 73-77 ms; while other builds loaded the machine, the fastest of 60
 * checks took 67 ms and the median 130 ms), inside the 50-100 ms we allow a sign-in. Bouncy Castle
 * 1.84 takes the same time (side by side in one warmed JVM: 67-75 ms each, password4j 69-75 ms). Stored hashes
 * carry their parameters, so raising them later still verifies older hashes.
 * <p>
 * Hashes are PHC strings ({@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}, unpadded base64), the
 * format password4j wrote until this class computed them with Bouncy Castle's argon2: password4j kept
 * a zeroed 19 MiB block array for every parameter set it had seen, for the life of the JVM (plus a
 * thread pool), which was 40 % of the portal's live heap after a benchmark run. Bouncy Castle allocates
 * the memory per computation only. Hashes written by password4j verify unchanged (PasswordHasherTest).
 */
@ApplicationScoped
public class PasswordHasher {

    static final int MEMORY_KIB = 19456;
    static final int ITERATIONS = 4;
    static final int PARALLELISM = 1;
    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 200;

    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    /** Upper bound on the memory a stored hash may ask for, so that a bad row cannot exhaust the heap. */
    static final int MAX_MEMORY_KIB = 262_144;

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{16,128})");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Checked against a password for an unknown e-mail, so that answer takes as long as a wrong password.
     * In a holder class so the argon2id hash (about 75 ms of CPU) is computed on first use, not at boot.
     */
    private static final class Dummy {
        static final String HASH = newHash("no account has this password");
    }

    /** Common choices and patterns that meet the length rule but would fall to the first guesses of an attack. */
    private static final Set<String> COMMON = Set.of(
            "password",
            "passw0rd",
            "qwerty",
            "azerty",
            "letmein",
            "welcome",
            "admin",
            "iloveyou",
            "monkey",
            "dragon",
            "football",
            "baseball",
            "sunshine",
            "princess",
            "haven",
            "school",
            "teacher",
            "abc123",
            "123456",
            "111111",
            "changeme",
            "secret",
            "motdepasse",
            "bonjour",
            "soleil");

    @Inject
    StaffConfig config;

    private volatile java.util.concurrent.Semaphore slots;

    public String hash(String password) {
        return bounded(() -> newHash(password));
    }

    private static String newHash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = argon2id(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
                + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** Whether the password gives the stored PHC hash; false for a hash this class cannot read. */
    private static boolean check(String password, String stored) {
        Matcher m = PHC.matcher(stored);
        if (!m.matches()) {
            return false;
        }
        int memory = Integer.parseInt(m.group(1));
        int iterations = Integer.parseInt(m.group(2));
        int parallelism = Integer.parseInt(m.group(3));
        if (memory < 8 * parallelism || memory > MAX_MEMORY_KIB || iterations < 1 || parallelism < 1) {
            return false;
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] salt;
        byte[] expected;
        try {
            salt = b64.decode(m.group(4));
            expected = b64.decode(m.group(5));
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] actual = argon2id(password, salt, memory, iterations, parallelism, expected.length);
        return MessageDigest.isEqual(actual, expected);
    }

    private static byte[] argon2id(
            String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    /**
     * Runs one argon2id computation within the node's cap on concurrent checks: each holds 19 MiB, and an
     * unbounded flood of sign-ins once exhausted the heap and cost a report. Waits up to 3 seconds for a slot.
     */
    private <T> T bounded(java.util.function.Supplier<T> work) {
        java.util.concurrent.Semaphore s = slots;
        if (s == null) {
            synchronized (this) {
                if (slots == null) {
                    slots = new java.util.concurrent.Semaphore(
                            config == null ? 4 : Math.max(1, config.maxConcurrentPasswordChecks()), true);
                }
                s = slots;
            }
        }
        boolean got;
        try {
            got = s.tryAcquire(3, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        }
        if (!got) {
            throw new io.haven.web.BusyException(5);
        }
        try {
            return work.get();
        } finally {
            s.release();
        }
    }

    /** Whether the password matches the stored hash; with no hash, spends the same time and says no. */
    public boolean matches(String password, String storedHash) {
        if (password == null || password.length() > MAX_LENGTH) {
            password = "";
        }
        String candidate = password;
        if (storedHash == null || !storedHash.startsWith("$argon2id$")) {
            bounded(() -> check(candidate, Dummy.HASH));
            return false;
        }
        return bounded(() -> check(candidate, storedHash));
    }

    /**
     * Why a new password is refused, as a message key, or null when it is acceptable: too short, too
     * long, the e-mail address or name in it, one repeated character, a simple sequence, a common
     * password with a few digits or symbols added, or one of the most common breached passwords.
     */
    public String weakness(String password, String email, String displayName) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "staff_password_too_short";
        }
        if (password.length() > MAX_LENGTH) {
            return "staff_password_too_long";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String letters = lower.replaceAll("[^\\p{L}]", "");
        if (lower.chars().distinct().count() < 5 || isSequence(lower)) {
            return "staff_password_weak";
        }
        String alnumStem = lower.replaceAll("[^\\p{L}\\p{N}]", "").replaceAll("\\d+$", "");
        for (String c : COMMON) {
            if (letters.equals(c) || alnumStem.equals(c)) {
                return "staff_password_weak";
            }
        }
        if (breached(lower, alnumStem)) {
            return "staff_password_breached";
        }
        // Mostly the e-mail address or the person's name ("anna.kim2024!!" for anna.kim@...).
        String rest = lower.replaceAll("[^\\p{L}\\p{N}]", "");
        List<String> personal = new ArrayList<>();
        if (email != null) {
            personal.addAll(List.of(email.toLowerCase(Locale.ROOT).split("@")[0].split("[^\\p{L}\\p{N}]+")));
        }
        if (displayName != null) {
            personal.addAll(List.of(displayName.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
        }
        boolean found = false;
        for (String part : personal) {
            if (part.length() >= 3 && rest.contains(part)) {
                rest = rest.replace(part, "");
                found = true;
            }
        }
        if (found && rest.replaceAll("\\d", "").length() < 4) {
            return "staff_password_personal";
        }
        return null;
    }

    /**
     * On the bundled list of breached passwords as typed, or once the digits and symbols added at the end
     * ("qwertyuiop123", "Sunshine2024!!") or the spaces and symbols inside are taken off. A stem shorter
     * than four characters is not looked up: "kq" followed by ten random digits is not a breached password.
     */
    private static boolean breached(String lower, String alnumStem) {
        if (BreachedPasswords.contains(lower) || BreachedPasswords.contains(lower.strip())) {
            return true;
        }
        String trailingStem = lower.replaceAll("[^\\p{L}]+$", "");
        return trailingStem.length() >= 4 && BreachedPasswords.contains(trailingStem)
                || alnumStem.length() >= 4 && BreachedPasswords.contains(alnumStem);
    }

    /**
     * Loads the breached-password list when the application starts, not on the first new password, and
     * beside the start rather than in it (about 80 ms of CPU): a password checked before it is loaded
     * waits for it (the JVM's class initialisation lock).
     */
    void loadBreachedList(@Observes StartupEvent start) {
        Thread load = new Thread(BreachedPasswords::size, "haven-breached-list");
        load.setDaemon(true);
        load.start();
    }

    /** "abcdefghijkl", "123456789012", "987654321098": each character one step from the last. */
    private static boolean isSequence(String s) {
        int up = 0;
        int down = 0;
        for (int i = 1; i < s.length(); i++) {
            int d = s.charAt(i) - s.charAt(i - 1);
            if (d == 1 || d == -9) {
                up++;
            }
            if (d == -1 || d == 9) {
                down++;
            }
        }
        return up >= s.length() - 2 || down >= s.length() - 2;
    }
}
