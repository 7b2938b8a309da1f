package dev.contractkit.ncp.server.switches;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.server.SignedRequests;
import dev.contractkit.ncp.server.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Faults and latency switched on for every request by configuration; a header can still turn them off. */
@QuarkusTest
@TestProfile(GlobalFaultProfileTest.Profile.class)
class GlobalFaultProfileTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ncp.mock.fault", "410", "ncp.mock.fault-rate", "1.0", "ncp.mock.latency", "50-100");
        }
    }

    @Inject
    TestClock clock;

    @Test
    void everyRequestIsThrottledAfterTheConfiguredLatency() {
        SignedRequests tenant = SignedRequests.as(SignedRequests.TENANT_A, clock);
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            var response = tenant.send("GET", "/api/v1/api-keys");
            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.jsonPath().getString("error.errorCode")).isEqualTo("410");
            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(50);
        }
    }

    @Test
    void aHeaderOfNoneLetsOneRequestThrough() {
        SignedRequests tenant = SignedRequests.as(SignedRequests.TENANT_A, clock);
        tenant.signed("GET", "/api/v1/api-keys").header(MockSwitchFilter.FAULT_HEADER, "none").get("/api/v1/api-keys")
                .then().statusCode(200);
    }
}
