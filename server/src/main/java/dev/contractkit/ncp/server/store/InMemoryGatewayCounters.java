package dev.contractkit.ncp.server.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The gateway's counters of every tenant in memory: a {@link UsageLedger} per tenant, used under the store's lock. */
final class InMemoryGatewayCounters {
    private final Map<String, UsageLedger> ledgers = new HashMap<>();

    Admission admit(String tenantId, GatewayCall call, Map<String, StoredApiKey> keys, Map<String, StoredSubscription> subscriptions) {
        if (keys.isEmpty()) {
            return Admission.unknown();
        }
        return ledgers.computeIfAbsent(tenantId, id -> new UsageLedger()).admit(call, keys.values(), subscriptions);
    }

    Map<String, Usage> usage(String tenantId, String apiKeyId, String productId, List<String> stageIds, Instant at) {
        return ledgers.getOrDefault(tenantId, new UsageLedger()).usage(apiKeyId, productId, stageIds, at);
    }

    void forgetKey(String tenantId, String apiKeyId) {
        UsageLedger ledger = ledgers.get(tenantId);
        if (ledger != null) {
            ledger.forget(apiKeyId);
        }
    }

    /** The ledgers by tenant, for the store's resets. */
    Map<String, UsageLedger> byTenant() {
        return ledgers;
    }
}
