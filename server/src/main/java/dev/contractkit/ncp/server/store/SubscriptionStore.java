package dev.contractkit.ncp.server.store;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;

/**
 * Each tenant's subscriptions of its keys to products. A subscription never outlives its key: deleting a key
 * removes its subscriptions, a reset removes them all ({@link KeyStore}). Answers asynchronously; a store
 * that cannot be reached fails with {@link StoreUnavailableException}.
 */
public interface SubscriptionStore {

    /** Every subscription of the tenant's keys to products, oldest request first. */
    Uni<List<StoredSubscription>> all(String tenantId);

    /** A key's subscription to a product, if there is one. */
    Uni<Optional<StoredSubscription>> find(String tenantId, String apiKeyId, String productId);

    /**
     * Writes the subscription of a key to a product in one atomic step, when the key exists and its
     * subscription is still {@code expected} (null: none): {@code next} replaces it, or (null) removes it.
     * A caller that gets {@link Write#CHANGED} read a subscription that has changed since: it reads again and
     * decides again.
     */
    Uni<Write> write(String tenantId, String apiKeyId, String productId, StoredSubscription expected, StoredSubscription next);

    /** What {@link #write} did. */
    enum Write { DONE, KEY_MISSING, CHANGED }
}
