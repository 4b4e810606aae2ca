package io.haven.ops;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Says in the log what {@link FlywayAtStart} decided, once logging is up (the decision is taken while the
 * configuration is read, before it): an operator can see why a start did or did not run Flyway.
 */
@ApplicationScoped
public class FlywayAtStartLog {

    private static final Logger LOG = Logger.getLogger(FlywayAtStartLog.class);

    void onStart(@Observes StartupEvent event) {
        FlywayAtStart.Decision d = FlywayAtStart.last;
        if (d == null) {
            return;
        }
        if (d.skip()) {
            LOG.infof("Flyway: skipped, %s (V%s)", d.reason(), d.applied());
        } else {
            LOG.infof(
                    "Flyway: migrating at start, %s (database V%s, newest packaged V%s)",
                    d.reason(), d.applied() == null ? "-" : d.applied(), d.packaged() == null ? "-" : d.packaged());
        }
    }
}
