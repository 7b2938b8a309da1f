package dev.contractkit.ncp.contract.provider;

import au.com.dius.pact.core.model.ProviderState;
import dev.contractkit.ncp.contract.PactStates;
import dev.contractkit.ncp.contract.RequestSigning;
import dev.contractkit.ncp.server.auth.Tenant;
import dev.contractkit.ncp.server.pact.ProviderStates;
import dev.contractkit.ncp.signature.NcpCredentials;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;

/** The server started by {@code @QuarkusTest} in this JVM, its provider states set up through its own beans. */
abstract class InProcessProviderVerification extends ProviderVerification {
    private static final Tenant TENANT = Tenant.of(RequestSigning.SERVER_TEST_CREDENTIALS.accessKey());

    @Inject
    ProviderStates providerStates;

    @TestHTTPResource("/")
    URI server;

    @Override
    URI server() {
        return server;
    }

    @Override
    NcpCredentials credentials() {
        return RequestSigning.SERVER_TEST_CREDENTIALS;
    }

    @Override
    PactStates.Setup setUp(List<ProviderState> states) {
        return PactStates.apply(states, providerStates, TENANT);
    }
}
