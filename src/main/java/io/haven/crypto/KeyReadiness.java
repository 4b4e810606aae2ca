package io.haven.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the key ring encrypts and decrypts: without it no report can be stored. */
@Readiness
@ApplicationScoped
public class KeyReadiness implements HealthCheck {

    @Inject
    KeyCheck check;

    @Override
    public HealthCheckResponse call() {
        try {
            check.roundTrip();
            return HealthCheckResponse.up("keys");
        } catch (RuntimeException e) {
            return HealthCheckResponse.down("keys");
        }
    }
}
