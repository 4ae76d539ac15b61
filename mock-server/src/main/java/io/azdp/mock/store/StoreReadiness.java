package io.azdp.mock.store;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the seed is loaded: scripts and the test launcher wait on /q/health/ready, never on sleep. */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {

    private final MockStore store;

    public StoreReadiness(MockStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("azdp-mock-seed").status(store.isSeeded()).build();
    }
}
