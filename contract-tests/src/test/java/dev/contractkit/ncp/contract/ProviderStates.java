package dev.contractkit.ncp.contract;

import au.com.dius.pact.core.model.ProviderState;
import dev.contractkit.ncp.server.auth.Tenant;
import dev.contractkit.ncp.server.mock.MockState;
import dev.contractkit.ncp.server.store.ApiKeyStore;
import dev.contractkit.ncp.server.store.KeyValueGenerator;
import dev.contractkit.ncp.server.store.StoredApiKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The provider states other teams can name in their pacts, set up through the server's own store so a
 * state means exactly what a real request would see. Before each interaction the store goes back to
 * the seed data.
 */
public final class ProviderStates {
    /** Params: {@code apiKeyId} (required), {@code apiKeyName}, {@code apiKeyDescription}, {@code isEnabled}, {@code primaryKey}, {@code secondaryKey}. */
    public static final String KEY_EXISTS = "an API key exists";
    /** Params: {@code apiKeyId} (required). */
    public static final String NO_KEY = "no API key exists";
    /** No params: the request is signed with a wrong secret key, so the server must answer 401. */
    public static final String BAD_SIGNATURE = "the request signature is wrong";

    private static final KeyValueGenerator GENERATOR = new KeyValueGenerator();

    /** What a set of states asks of the request itself. */
    public record Setup(boolean wrongSignature) {
    }

    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(10);

    private ProviderStates() {
    }

    public static Setup apply(List<ProviderState> states, ApiKeyStore store, MockState mockState, Tenant tenant) {
        mockState.reset().await().atMost(WAIT);
        boolean wrongSignature = false;
        for (ProviderState state : states) {
            Map<String, Object> params = state.getParams();
            switch (state.getName()) {
                case KEY_EXISTS -> store.put(keyFrom(params, tenant)).await().atMost(WAIT);
                case NO_KEY -> deleteIfPresent(store, tenant, required(params, "apiKeyId", state.getName()));
                case BAD_SIGNATURE -> wrongSignature = true;
                default -> throw new IllegalArgumentException("unknown provider state '" + state.getName()
                        + "'; this provider knows: '" + KEY_EXISTS + "', '" + NO_KEY + "', '" + BAD_SIGNATURE + "'");
            }
        }
        return new Setup(wrongSignature);
    }

    private static StoredApiKey keyFrom(Map<String, Object> params, Tenant tenant) {
        return new StoredApiKey(
                required(params, "apiKeyId", KEY_EXISTS),
                tenant.tenantId(),
                text(params, "apiKeyName", "pact-key"),
                text(params, "apiKeyDescription", ""),
                text(params, "primaryKey", GENERATOR.keyValue()),
                text(params, "secondaryKey", GENERATOR.keyValue()),
                tenant.modifier(),
                !"false".equals(String.valueOf(params.getOrDefault("isEnabled", "true"))),
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                StoredApiKey.PUBLIC_DOMAIN,
                0);
    }

    private static void deleteIfPresent(ApiKeyStore store, Tenant tenant, String apiKeyId) {
        store.delete(tenant.tenantId(), apiKeyId).await().atMost(WAIT);
    }

    private static String required(Map<String, Object> params, String name, String state) {
        Object value = params.get(name);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("provider state '" + state + "' needs the parameter " + name);
        }
        return value.toString();
    }

    private static String text(Map<String, Object> params, String name, String fallback) {
        Object value = params.get(name);
        return value == null ? fallback : value.toString();
    }
}
