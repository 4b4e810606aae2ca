package io.haven.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Abuse limits of the reporting channel. They slow a flood; they never silence a school. */
@ConfigMapping(prefix = "haven.report")
public interface ReportConfig {

    /**
     * Reports one browser may send per hour before it is asked to wait. A browser is told apart by its
     * session-only form cookie, so a whole school behind one address is not one sender; one address may
     * send ten times as many (a backstop against a script that throws its cookies away). Reports of intimate
     * images, sextortion or danger now are never refused.
     */
    @WithDefault("20")
    int perAddressHourly();

    /** Reports per school per hour past which new ones are still accepted but flagged and administrators alerted. */
    @WithDefault("30")
    int schoolHourlyVolume();

    /**
     * Failed receipt look-ups one browser may make per 10 minutes (one address: ten times as many). A valid
     * receipt never counts, so a school's students checking their own reports never wait.
     */
    @WithDefault("10")
    int followUpAttempts();
}
