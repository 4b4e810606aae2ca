package io.haven.web;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSourceMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while every database connection of this node is in use (a stalled or locked database fills the
 * pool in seconds): the load balancer sends reports to a node that can store them. Reads the pool's
 * counters only, so it answers at once even when no connection can be had.
 */
@Readiness
@ApplicationScoped
public class PoolReadiness implements HealthCheck {

    @Inject
    AgroalDataSource db;

    @Override
    public HealthCheckResponse call() {
        AgroalDataSourceMetrics m = db.getMetrics();
        int max = db.getConfiguration().connectionPoolConfiguration().maxSize();
        long active = m.activeCount();
        return HealthCheckResponse.named("database-pool")
                .status(active < max)
                .withData("active", active)
                .withData("max", max)
                .withData("waiting", m.awaitingCount())
                .build();
    }
}
