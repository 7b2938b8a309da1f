package dev.contractkit.ncp.server.store;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The gateway's counters in memory: each tenant's {@link UsageLedger}, under the tenant's lock. */
final class InMemoryUsageStore implements UsageStore {
    private final InMemoryTenants tenants;

    InMemoryUsageStore(InMemoryTenants tenants) {
        this.tenants = tenants;
    }

    /** Finds the key by its value in the tenant's index (never a scan of its keys), then checks and counts the call. */
    @Override
    public Uni<Admission> admit(String tenantId, GatewayCall call) {
        return Uni.createFrom().item(tenants.underLock(tenantId, tenant -> {
            String apiKeyId = tenant.idByValue.get(call.keyValue());
            StoredApiKey key = apiKeyId == null ? null : tenant.keys.get(apiKeyId);
            if (key == null) {
                return Admission.unknown();
            }
            Admission admission = tenant.ledger.admit(call, List.of(key), tenant.subscriptions);
            tenant.minutes.count(MinuteCount.minuteOf(call.at()), admission);
            return admission;
        }, Admission.unknown()));
    }

    @Override
    public Uni<List<MinuteCount>> minutes(String tenantId, long fromMinute, long toMinute) {
        return Uni.createFrom().item(tenants.underLock(tenantId, tenant -> tenant.minutes.between(fromMinute, toMinute), List.of()));
    }

    @Override
    public Uni<Map<String, Usage>> usage(String tenantId, String apiKeyId, String productId, List<String> stageIds, Instant at) {
        return Uni.createFrom().item(tenants.underLock(tenantId, tenant -> tenant.ledger.usage(apiKeyId, productId, stageIds, at),
                new UsageLedger().usage(apiKeyId, productId, stageIds, at)));
    }
}
