package io.haven.casework;

import io.haven.web.Settings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/** How often the escalation and retention jobs run ("off" stops them, as the tests do: they call the jobs). */
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
}
