package dev.contractkit.ncp.server.store;

import dev.contractkit.ncp.server.generated.model.KeyType;
import java.util.Optional;

/**
 * The mock's state: each tenant's API keys. Every method that changes one key does so atomically;
 * a key of another tenant is never seen. A key that is not there is an empty {@link Optional} (or
 * {@code false}): the store knows nothing of HTTP, and {@code error/} turns that into NCP's 404.
 */
public interface ApiKeyStore {

    StoredApiKey create(String tenantId, String name, String description, String modifier);

    ApiKeyPage list(String tenantId, String nameContains, long offset, long limit);

    Optional<StoredApiKey> find(String tenantId, String apiKeyId);

    Optional<StoredApiKey> update(String tenantId, String apiKeyId, String name, String description, boolean enabled, String modifier);

    Optional<StoredApiKey> regenerate(String tenantId, String apiKeyId, KeyType keyType, String modifier);

    /** Answers whether there was such a key. */
    boolean delete(String tenantId, String apiKeyId);

    /**
     * Puts a key as given, replacing one with the same tenant and ID: for seed data and test set-up.
     * A {@code createdOrder} of 0 puts it last in list order.
     */
    void put(StoredApiKey key);

    /** Forgets every key of every tenant. */
    void clear();
}
