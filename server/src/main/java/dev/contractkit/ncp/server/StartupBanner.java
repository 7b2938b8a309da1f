package dev.contractkit.ncp.server;

import dev.contractkit.ncp.server.auth.Tenants;
import dev.contractkit.ncp.server.config.BackendHosts;
import dev.contractkit.ncp.server.config.NcpMockConfig;
import dev.contractkit.ncp.server.config.ProxyListensOnLoopback;
import dev.contractkit.ncp.signature.NcpCredentials;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Tells a frontend developer at start-up how to call the mock, and an operator what it exposes: where it
 * listens, and a warning when it listens beyond loopback with no admin token. Configured secrets are never printed.
 */
public class StartupBanner {
    private static final Logger LOG = Logger.getLogger(StartupBanner.class);

    void onStart(@Observes StartupEvent start, Tenants tenants, NcpMockConfig config, BackendHosts backendHosts) {
        boolean proxy = NcpMockConfig.proxyMode(config);
        String host = ConfigProvider.getConfig().getOptionalValue("quarkus.http.host", String.class).orElse("0.0.0.0");
        boolean loopback = ProxyListensOnLoopback.isLoopbackName(host);
        boolean token = config.adminToken().filter(value -> !value.isBlank()).isPresent();
        LOG.infof("NCP mock: listening on %s (%s)", host, loopback ? "loopback only: this machine alone can call it"
                : "every address of this machine" + (host.equals("0.0.0.0") || host.equals("::") ? "" : " named by it")
                        + ": other machines can call it" + (proxy ? "" : "; QUARKUS_HTTP_HOST=127.0.0.1 keeps it to this machine"));
        if (tenants.usingLocalDefault()) {
            LOG.infof("NCP mock: no ncp.mock.credentials set, accepting the local default pair: access key %s, secret key %s",
                    Tenants.LOCAL_DEFAULT.accessKey(), Tenants.LOCAL_DEFAULT.secretKey());
        } else {
            LOG.infof("NCP mock: accepting the access keys %s (secret keys from configuration, not shown)",
                    tenants.credentials().stream().map(NcpCredentials::accessKey).collect(Collectors.joining(", ")));
        }
        LOG.infof("NCP mock: /mock/* routes %s", token ? "need Authorization: Bearer <admin token> (ncp.mock.admin-token, not shown)"
                : "are open to anyone who can reach the mock (no ncp.mock.admin-token)");
        if (!loopback && !token) {
            LOG.warn("NCP mock: listening beyond loopback with no admin token: anyone who can reach it can reset it, read every journal "
                    + "and make workspaces. Set ncp.mock.admin-token (NCP_MOCK_ADMIN_TOKEN) on a shared mock.");
        }
        if (config.contractTesting()) {
            LOG.warn("NCP mock: CONTRACT TESTING mode (ncp.mock.contract-testing=true): replayed pacts are accepted whatever "
                    + "access key, timestamp and signature they carry; POST /mock/provider-states sets up their states. Test use only.");
        }
        if (!config.verifySignatures()) {
            LOG.warn("NCP mock: signature verification is OFF (ncp.mock.verify-signatures=false)");
        }
        if (!backendHosts.none()) {
            LOG.infof("NCP mock: workspaces made through the API may point their gateway at %s", config.gatewayBackendHosts().orElse(""));
        }
    }
}
