package dev.contractkit.ncp.server.health;

import dev.contractkit.ncp.server.seed.SeedData;
import dev.contractkit.ncp.server.store.Stores;
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
    private final Stores stores;
    private final SeedData seed;

    public StoreReadiness(Stores stores, SeedData seed) {
        this.stores = stores;
        this.seed = seed;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return stores.backend().ping().map(up -> HealthCheckResponse.named("key store").status(up && seed.seedPresent()).build());
    }
}
