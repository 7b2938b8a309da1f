package dev.contractkit.ncp.server;

import dev.contractkit.ncp.server.seed.SeedData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A {@code @QuarkusTest} that calls as tenant A ({@link #tenant}, signed with the test clock) on a mock reset to
 * its seed before each test; the clock back to real time after each.
 */
public abstract class SeededTenantTest {
    @Inject
    protected TestClock clock;

    @Inject
    protected SeedData seed;

    protected SignedRequests tenant;

    @BeforeEach
    void actAsTenantAOnTheSeed() {
        tenant = SignedRequests.as(SignedRequests.TENANT_A, clock);
        seed.reset().await().indefinitely();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }
}
