package dev.contractkit.ncp.server.store.redis;

/**
 * Where one tenant's data sits in Redis: under one Redis Cluster hash tag, {@code ncp:{<tenantId>}:...}, so that
 * every script over a tenant touches one slot, whichever store runs it.
 */
final class TenantSlot {
    private TenantSlot() {
    }

    /**
     * KEYS of every tenant script, in this order: keys, order, seq, seeded, seed, subscriptions, usage, rate,
     * values (key value to key id: the gateway's index).
     */
    static String[] keys(String tenantId) {
        return new String[] {key(tenantId, "keys"), key(tenantId, "order"), key(tenantId, "seq"), key(tenantId, "seeded"),
            key(tenantId, "seed"), key(tenantId, "subscriptions"), key(tenantId, "usage"), key(tenantId, "rate"), key(tenantId, "values")};
    }

    /** The hash of one minute's gateway counts (admit.lua writes it, minutes.lua reads it). */
    static String minuteKey(String tenantId, long minute) {
        return key(tenantId, "minute:" + minute);
    }

    static String key(String tenantId, String part) {
        return "ncp:{" + tenantId + "}:" + part;
    }
}
