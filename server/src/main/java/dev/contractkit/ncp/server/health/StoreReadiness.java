package dev.contractkit.ncp.server.health;

import dev.contractkit.ncp.server.seed.SeedData;
import dev.contractkit.ncp.server.store.ApiKeyStore;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /q/health/ready} is DOWN while the store does not answer (Redis down) or has lost the seed and it is
 * not back yet; liveness never depends on it.
 */
@Readiness
@ApplicationScoped
public class StoreReadiness implements AsyncHealthCheck {
    private final ApiKeyStore store;
    private final SeedData seed;

    public StoreReadiness(ApiKeyStore store, SeedData seed) {
        this.store = store;
        this.seed = seed;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return store.ping().map(up -> HealthCheckResponse.named("key store").status(up && seed.seedPresent()).build());
    }
}
