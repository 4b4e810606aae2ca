package io.haven.casework;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long the statistics pages may show figures computed earlier (see {@link StatsCache}). */
@ConfigMapping(prefix = "haven.stats")
public interface StatsConfig {

    /**
     * How old the figures a statistics page shows may be before a view starts recomputing them in the
     * background; 0 computes them on every view and remembers nothing.
     */
    @WithDefault("5m")
    Duration freshFor();
}
