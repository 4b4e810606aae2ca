package io.haven.classroom;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits of joining a class. */
@ConfigMapping(prefix = "haven.classroom")
public interface ClassroomConfig {

    /**
     * Join and resume attempts one address may make per window. A whole class shares one school
     * address, so this is generous; guessing one of 32^8 codes at this pace is still hopeless.
     */
    @WithDefault("60")
    int joinAttempts();

    /** The window of {@link #joinAttempts()}. */
    @WithDefault("10m")
    Duration joinWindow();
}
