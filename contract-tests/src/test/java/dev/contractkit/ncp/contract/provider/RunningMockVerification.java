package dev.contractkit.ncp.contract.provider;

import au.com.dius.pact.core.model.ProviderState;
import dev.contractkit.ncp.contract.PactStates;
import dev.contractkit.ncp.contract.RequestSigning;
import dev.contractkit.ncp.signature.NcpCredentials;
import java.net.URI;
import java.util.List;

/**
 * Pacts verified against a mock running in a process of its own, with its default credentials, its states set
 * up through its own {@code POST /mock/provider-states}, as any verifier does. Subclasses say where it runs.
 */
abstract class RunningMockVerification extends ProviderVerification {

    /** The running mock's base URL, without a trailing slash. */
    abstract String mockUrl();

    @Override
    URI server() {
        return URI.create(mockUrl() + "/");
    }

    @Override
    NcpCredentials credentials() {
        return RequestSigning.MOCK_DEFAULT_CREDENTIALS;
    }

    @Override
    PactStates.Setup setUp(List<ProviderState> states) throws Exception {
        return StateChangeUrl.setUp(mockUrl(), states);
    }
}
