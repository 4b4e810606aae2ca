package io.haven.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time, in one place, so that tests can move it (deadlines, retention, timeouts) without waiting.
 * Always UTC; pages convert to the school's time zone.
 */
@ApplicationScoped
public class Clock {

    private volatile Duration offset = Duration.ZERO;

    public Instant now() {
        return Instant.now().plus(offset).truncatedTo(ChronoUnit.MICROS);
    }

    /** Tests only: moves the clock forward. */
    public void advance(Duration d) {
        offset = offset.plus(d);
    }

    /** Tests only: back to real time. */
    public void reset() {
        offset = Duration.ZERO;
    }
}
