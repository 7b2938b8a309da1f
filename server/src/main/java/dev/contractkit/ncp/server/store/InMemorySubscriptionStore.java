package dev.contractkit.ncp.server.store;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Subscriptions in memory, beside their keys under the tenant's lock. */
final class InMemorySubscriptionStore implements SubscriptionStore {
    private final InMemoryTenants tenants;

    InMemorySubscriptionStore(InMemoryTenants tenants) {
        this.tenants = tenants;
    }

    @Override
    public Uni<List<StoredSubscription>> all(String tenantId) {
        return Uni.createFrom().item(tenants.underLock(tenantId,
                tenant -> tenant.subscriptions.values().stream().sorted(StoredSubscription.OLDEST_FIRST).toList(), List.of()));
    }

    @Override
    public Uni<Optional<StoredSubscription>> find(String tenantId, String apiKeyId, String productId) {
        return Uni.createFrom().item(Optional.ofNullable(tenants.underLock(tenantId,
                tenant -> tenant.subscriptions.get(StoredSubscription.id(apiKeyId, productId)), null)));
    }

    @Override
    public Uni<Write> write(String tenantId, String apiKeyId, String productId, StoredSubscription expected, StoredSubscription next) {
        return Uni.createFrom().item(tenants.underLock(tenantId, tenant -> {
            if (!tenant.keys.containsKey(apiKeyId)) {
                return Write.KEY_MISSING;
            }
            String slot = StoredSubscription.id(apiKeyId, productId);
            if (!Objects.equals(tenant.subscriptions.get(slot), expected)) {
                return Write.CHANGED;
            }
            if (next == null) {
                tenant.subscriptions.remove(slot);
            } else {
                tenant.subscriptions.put(slot, next);
            }
            return Write.DONE;
        }, Write.KEY_MISSING));
    }
}
