package io.haven.staff;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Staff sign-in settings (the README's configuration table lists each with its environment name). */
@ConfigMapping(prefix = "haven.staff")
public interface StaffConfig {

    /** A staff session ends after this long without a request. */
    @WithDefault("30m")
    Duration idleTimeout();

    /** A staff session ends this long after sign-in, however active. */
    @WithDefault("12h")
    Duration absoluteTimeout();

    /** How long an invitation link works. */
    @WithDefault("7d")
    Duration invitationValidity();

    /** How long a password-reset link works. */
    @WithDefault("1h")
    Duration resetValidity();

    /**
     * Password checks (argon2id, 19 MiB each) allowed to run at once on this node; further sign-ins wait
     * briefly, then get 503 with Retry-After, so a flood of sign-ins cannot exhaust memory.
     */
    @WithDefault("4")
    int maxConcurrentPasswordChecks();

    Login login();

    interface Login {
        /**
         * Failed sign-ins (or second-factor codes) for one account from one address before each further attempt
         * from that address waits: 15 s, then twice as long each time, up to the lockout setting.
         */
        @WithDefault("5")
        int maxFailuresPerAccount();

        /** Failed sign-ins from one client address, across accounts, before soft delays (at most 30 s) begin. */
        @WithDefault("50")
        int maxFailuresPerAddress();

        /** How long failures are remembered, and the longest delay. */
        @WithDefault("15m")
        Duration lockout();
    }
}
