package dev.contractkit.ncp.server.store;

import java.time.Clock;
import java.util.function.Predicate;

/**
 * The one place an API key is made: IDs and key values from the {@link KeyValueGenerator} (SecureRandom, or
 * seeded when asked), the time from the clock in whole seconds, the public domain, and the one rule for an
 * ID that is already taken: draw again, at most {@link #MAX_ID_ATTEMPTS} times.
 */
public final class KeyFactory {
    public static final int MAX_ID_ATTEMPTS = 10;

    private final KeyValueGenerator generator;
    private final Clock clock;

    public KeyFactory(KeyValueGenerator generator, Clock clock) {
        this.generator = generator;
        this.clock = clock;
    }

    /** A new, enabled key with a fresh ID and two fresh values, changed now by {@code modifier}. */
    public StoredApiKey fresh(String tenantId, String name, String description, String modifier) {
        return of(tenantId, null, name, description, null, null, modifier, true);
    }

    /** A key with the given parts; a null ID or key value is drawn fresh. */
    public StoredApiKey of(String tenantId, String apiKeyId, String name, String description, String primaryKey, String secondaryKey,
            String modifier, boolean enabled) {
        return new StoredApiKey(apiKeyId != null ? apiKeyId : generator.apiKeyId(), tenantId, name, description,
                primaryKey != null ? primaryKey : generator.keyValue(), secondaryKey != null ? secondaryKey : generator.keyValue(),
                modifier, enabled, NcpTime.now(clock), StoredApiKey.PUBLIC_DOMAIN);
    }

    public String keyValue() {
        return generator.keyValue();
    }

    /** The failure when every draw found its ID taken. */
    public static IllegalStateException noFreeId(int attempts) {
        return new IllegalStateException("no free API-key ID after " + attempts + " draws");
    }

    /** The first fresh key {@code free} accepts, drawing at most {@link #MAX_ID_ATTEMPTS} IDs. */
    public StoredApiKey firstFree(String tenantId, String name, String description, String modifier, Predicate<StoredApiKey> free) {
        for (int attempt = 1; attempt <= MAX_ID_ATTEMPTS; attempt++) {
            StoredApiKey key = fresh(tenantId, name, description, modifier);
            if (free.test(key)) {
                return key;
            }
        }
        throw noFreeId(MAX_ID_ATTEMPTS);
    }
}
