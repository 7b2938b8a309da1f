package dev.contractkit.ncp.server.store;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each tenant's API keys, and its seeding: in memory ({@link InMemoryKeyStore}) or in Redis
 * ({@code store/redis/RedisKeyStore}, shared by replicas). Every method answers asynchronously and never blocks
 * the caller's thread. Every change to one key is atomic, and deleting a key removes its subscriptions and
 * counters in the same step; a key of another tenant is never seen. A key that is
 * not there is an empty {@link Optional} (or {@code false}): the store knows nothing of HTTP, and the
 * resource turns that into NCP's 404. A store that cannot be reached fails with
 * {@link StoreUnavailableException}.
 */
public interface KeyStore {

    /** A new key; fails with {@link TenantFullException} when the tenant holds its limit of keys already. */
    Uni<StoredApiKey> create(String tenantId, String name, String description, String modifier);

    /** How many keys the tenant holds. */
    Uni<Integer> keyCount(String tenantId);

    /** A page of the tenant's keys in creation order, of those whose name contains {@code nameContains} (null: all). */
    Uni<Page<StoredApiKey>> list(String tenantId, String nameContains, long offset, long limit);

    Uni<Optional<StoredApiKey>> find(String tenantId, String apiKeyId);

    Uni<Optional<StoredApiKey>> update(String tenantId, String apiKeyId, String name, String description, boolean enabled, String modifier);

    Uni<Optional<StoredApiKey>> regenerate(String tenantId, String apiKeyId, KeySlot slot, String modifier);

    /** Answers whether there was such a key. */
    Uni<Boolean> delete(String tenantId, String apiKeyId);

    /** Puts a key as given, replacing one with the same tenant and ID: for test set-up (provider states). */
    Uni<Void> put(StoredApiKey key);

    /**
     * Seeds a tenant that was never seeded, atomically: of replicas starting at the same moment, one seeds
     * and the others leave the tenant alone. Answers how many keys were put (0 when it was seeded before).
     */
    Uni<Integer> seedIfNew(String tenantId, List<StoredApiKey> seed);

    /**
     * The mark of the tenant's seeding, empty when the tenant's seed is not in the store (never seeded, or the
     * store lost its data, as a Redis without persistence does when it restarts). Every seeding writes a new
     * mark; a reset keeps it.
     */
    Uni<Optional<String>> seedMark(String tenantId);

    /**
     * Forgets every key of every tenant but the workspaces' ({@link Workspace#isWorkspaceTenant}), then seeds
     * the given tenants again; a tenant seeded before gets back the keys of its first seeding, so every replica
     * resets to the same keys. Answers how many keys were seeded.
     */
    Uni<Integer> reset(Map<String, List<StoredApiKey>> seedByTenant);

    /** One tenant (a workspace) back to its first seeding, or to {@code seed} when it has none; the others untouched. */
    Uni<Integer> resetTenant(String tenantId, List<StoredApiKey> seed);

    /** Every key, subscription and counter of one tenant gone (a deleted workspace). */
    Uni<Void> forget(String tenantId);

}
