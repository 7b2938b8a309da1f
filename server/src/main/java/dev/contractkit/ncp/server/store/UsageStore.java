package dev.contractkit.ncp.server.store;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The gateway's counters: each tenant's rate windows and day and month quotas, per key, product and stage. A
 * reset clears every counter; deleting a key, its own ({@link KeyStore}). Answers asynchronously; a store that
 * cannot be reached fails with {@link StoreUnavailableException}.
 */
public interface UsageStore {

    /**
     * Finds the key by its value, then checks and counts one gateway call in one atomic step ({@link UsageLedger}
     * says how): across replicas on Redis, no increment is lost and no limit is passed.
     */
    Uni<Admission> admit(String tenantId, GatewayCall call);

    /**
     * The gateway's calls per minute from {@code fromMinute} to {@code toMinute} (both included; minutes since the
     * epoch), per key and per usage plan, by verdict; the store keeps the last {@link MinuteCount#KEPT_MINUTES}
     * minutes, counted by {@link #admit} in the same step as the admission.
     */
    Uni<List<MinuteCount>> minutes(String tenantId, long fromMinute, long toMinute);

    /** The key's use of each of the given stages of the product in the day and month of {@code at}, by stage id. */
    Uni<Map<String, Usage>> usage(String tenantId, String apiKeyId, String productId, List<String> stageIds, Instant at);
}
