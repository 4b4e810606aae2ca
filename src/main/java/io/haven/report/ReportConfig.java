package io.haven.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Abuse limits of the reporting channel. They slow a flood; they never silence a school. */
@ConfigMapping(prefix = "haven.report")
public interface ReportConfig {

    /** Reports one address may send per hour before it is asked to wait (a whole school may share one address). */
    @WithDefault("20")
    int perAddressHourly();

    /** Reports per school per hour past which new ones are still accepted but flagged and administrators alerted. */
    @WithDefault("30")
    int schoolHourlyVolume();

    /** Receipt look-ups one address may try per 10 minutes. */
    @WithDefault("10")
    int followUpAttempts();
}
