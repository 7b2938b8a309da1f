package dev.contractkit.ncp.server;

import dev.contractkit.ncp.server.auth.Tenants;
import dev.contractkit.ncp.server.config.NcpMockConfig;
import dev.contractkit.ncp.signature.NcpCredentials;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Tells a frontend developer at start-up how to call the mock. Configured secrets are never printed. */
public class StartupBanner {
    private static final Logger LOG = Logger.getLogger(StartupBanner.class);

    void onStart(@Observes StartupEvent start, Tenants tenants, NcpMockConfig auth) {
        if (tenants.usingLocalDefault()) {
            LOG.infof("NCP mock: no ncp.mock.credentials set, accepting the local default pair: access key %s, secret key %s",
                    Tenants.LOCAL_DEFAULT.accessKey(), Tenants.LOCAL_DEFAULT.secretKey());
        } else {
            LOG.infof("NCP mock: accepting the access keys %s (secret keys from configuration, not shown)",
                    tenants.credentials().stream().map(NcpCredentials::accessKey).collect(Collectors.joining(", ")));
        }
        if (auth.contractTesting()) {
            LOG.warn("NCP mock: CONTRACT TESTING mode (ncp.mock.contract-testing=true): replayed pacts are accepted whatever "
                    + "access key, timestamp and signature they carry; POST /mock/provider-states sets up their states. Test use only.");
        }
        if (!auth.verifySignatures()) {
            LOG.warn("NCP mock: signature verification is OFF (ncp.mock.verify-signatures=false)");
        }
    }
}
