package dev.contractkit.ncp.server.store;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the in-memory stores of keys, subscriptions and usage share: each tenant's data under that tenant's own
 * lock, so that one busy or large tenant never waits on another, and a key's subscriptions and counters go
 * with it in the same step.
 */
final class InMemoryTenants {

    /** One tenant's data; every read and change holds its monitor. */
    static final class Tenant {
        /** By id, in creation order: a key put again keeps its place, as in Redis's sorted set. */
        final LinkedHashMap<String, StoredApiKey> keys = new LinkedHashMap<>();
        /** Key value (primary or secondary) to key id: how the gateway finds a key without looking at every one. */
        final Map<String, String> idByValue = new HashMap<>();
        /** "apiKeyId/productId" to the subscription: a subscription never outlives its key. */
        final Map<String, StoredSubscription> subscriptions = new HashMap<>();
        final UsageLedger ledger = new UsageLedger();
        /** The gateway's calls per minute, per key and plan, for the console's chart: kept after the key goes. */
        final UsageMinutes minutes = new UsageMinutes();

        void put(StoredApiKey key) {
            StoredApiKey before = keys.put(key.apiKeyId(), key);
            if (before != null) {
                unindex(before);
            }
            index(key);
        }

        StoredApiKey remove(String apiKeyId) {
            StoredApiKey gone = keys.remove(apiKeyId);
            if (gone != null) {
                unindex(gone);
                subscriptions.keySet().removeIf(slot -> slot.startsWith(StoredSubscription.idPrefix(apiKeyId)));
                ledger.forget(apiKeyId);
            }
            return gone;
        }

        private void index(StoredApiKey key) {
            idByValue.put(key.primaryKey(), key.apiKeyId());
            idByValue.put(key.secondaryKey(), key.apiKeyId());
        }

        private void unindex(StoredApiKey key) {
            idByValue.remove(key.primaryKey(), key.apiKeyId());
            idByValue.remove(key.secondaryKey(), key.apiKeyId());
        }
    }

    final Map<String, Tenant> byId = new ConcurrentHashMap<>();
    /** Each seeded tenant's keys as first seeded: what a reset restores. */
    final Map<String, List<StoredApiKey>> firstSeeds = new ConcurrentHashMap<>();

    /** {@code work} on the tenant under its lock (a read, or a change to what the tenant already holds); {@code none} when the tenant holds nothing. */
    <T> T underLock(String tenantId, Function<Tenant, T> work, T none) {
        Tenant tenant = byId.get(tenantId);
        if (tenant == null) {
            return none;
        }
        synchronized (tenant) {
            return work.apply(tenant);
        }
    }

    /** The tenant, made if new: only writes call it, so reads of an unknown tenant (any access key, with verification off) leave nothing behind. */
    Tenant forWriting(String tenantId) {
        return byId.computeIfAbsent(tenantId, id -> new Tenant());
    }
}
