package dev.contractkit.ncp.server;

import dev.contractkit.ncp.server.config.BackendHosts;
import dev.contractkit.ncp.server.config.NcpMockConfig;
import dev.contractkit.ncp.server.http.TenantPacing;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The settings that keep a shared mock's gateway out of its own network, parsed once (a wrong entry stops start-up). */
public class SafetyProducer {

    @Produces
    @Singleton
    BackendHosts backendHosts(NcpMockConfig config) {
        return BackendHosts.of(config.gatewayBackendHosts());
    }

    /** Each workspace's fair share ({@code ncp.mock.workspace-rate}), on the mock's clock. */
    @Produces
    @Singleton
    TenantPacing pacing(NcpMockConfig config, Clock clock) {
        return new TenantPacing(config.workspaceRate(), () -> clock.millis() * 1_000_000L);
    }
}
