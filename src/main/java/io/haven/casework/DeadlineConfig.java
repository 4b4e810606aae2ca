package io.haven.casework;

import io.haven.web.Settings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/**
 * How often the escalation and retention jobs run ("off" stops them, as the tests do: they call the jobs),
 * when they first run after start-up, and how many cases each of their transactions handles.
 */
@ConfigMapping(prefix = "haven.deadlines")
public interface DeadlineConfig {

    /** How often overdue urgent cases are looked for. */
    @WithDefault("60s")
    @WithConverter(Settings.Every.class)
    String escalateEvery();

    /** How often closed cases past their school's retention are purged. */
    @WithDefault("24h")
    @WithConverter(Settings.Every.class)
    String purgeEvery();

    /** How long after start-up the escalation job first runs. */
    @WithDefault("30s")
    String escalateDelay();

    /** How long after start-up the retention job first runs (a restart does not purge at once). */
    @WithDefault("5m")
    String purgeDelay();

    /**
     * Cases per transaction of either job: each batch locks its cases, and appends its audit rows, in
     * one short transaction, so report submission and staff work never wait long behind a run.
     */
    @WithDefault("200")
    int batchSize();
}
