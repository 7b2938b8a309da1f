package dev.contractkit.ncp.contract;

import au.com.dius.pact.core.model.ProviderState;
import dev.contractkit.ncp.server.auth.Tenant;
import dev.contractkit.ncp.server.pact.ProviderStates;
import java.time.Duration;
import java.util.List;

/**
 * The provider states of our pacts, set up by the server's own {@link dev.contractkit.ncp.server.pact.ProviderStates}:
 * the same code answers {@code POST /mock/provider-states} for any other verifier. Before each interaction
 * the store goes back to the seed data.
 */
public final class PactStates {
    public static final String KEY_EXISTS = ProviderStates.KEY_EXISTS;
    public static final String NO_KEY = ProviderStates.NO_KEY;
    public static final String BAD_SIGNATURE = ProviderStates.BAD_SIGNATURE;
    public static final String PRODUCT_EXISTS = ProviderStates.PRODUCT_EXISTS;
    public static final String KEY_SUBSCRIBED = ProviderStates.KEY_SUBSCRIBED;
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** What a set of states asks of the request itself. */
    public record Setup(boolean wrongSignature) {
    }

    private PactStates() {
    }

    public static Setup apply(List<ProviderState> states, ProviderStates server, Tenant tenant) {
        List<ProviderStates.State> named = states.stream()
                .map(state -> new ProviderStates.State(state.getName(), state.getParams()))
                .toList();
        server.setUp(named, tenant, true).await().atMost(WAIT);
        return new Setup(ProviderStates.wantsWrongSignature(named));
    }
}
