package dev.contractkit.ncp.server;

import dev.contractkit.ncp.server.config.BackendHosts;
import dev.contractkit.ncp.server.config.NcpMockConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The settings that keep a shared mock's gateway out of its own network, parsed once (a wrong entry stops start-up). */
public class SafetyProducer {

    @Produces
    @Singleton
    BackendHosts backendHosts(NcpMockConfig config) {
        return BackendHosts.of(config.gatewayBackendHosts());
    }
}
