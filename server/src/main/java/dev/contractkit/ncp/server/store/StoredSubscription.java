package dev.contractkit.ncp.server.store;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * One API key's subscription to one product, as the store keeps it: its status, when it was requested
 * ({@code regTime}) and changed last ({@code modTime}), and the usage plan chosen on each stage (stage id to
 * usage plan id; a stage not in the map has its default plan). Immutable; equal values mean an unchanged
 * subscription, which is what {@link SubscriptionStore#write} compares.
 */
public record StoredSubscription(String apiKeyId, String productId, SubscriptionState status, Instant regTime, Instant modTime,
        Map<String, String> usagePlans) {

    /** The one order every store answers subscriptions in: oldest request first, then by key and product. */
    /** The one id of a key's subscription to a product, "keyId/productId" (the Lua scripts split on the same '/'). */
    public static String id(String apiKeyId, String productId) {
        return idPrefix(apiKeyId) + productId;
    }

    /** What every subscription id of a key starts with. */
    public static String idPrefix(String apiKeyId) {
        return apiKeyId + "/";
    }

    public static final Comparator<StoredSubscription> OLDEST_FIRST = Comparator.comparing(StoredSubscription::regTime)
            .thenComparing(StoredSubscription::apiKeyId)
            .thenComparing(StoredSubscription::productId);

    public StoredSubscription {
        usagePlans = Collections.unmodifiableMap(new TreeMap<>(usagePlans));
    }

    public StoredSubscription withStatus(SubscriptionState next, Instant at) {
        return new StoredSubscription(apiKeyId, productId, next, regTime, at, usagePlans);
    }

    /** A new request after a rejection: requested again now, with the usage plans it had. */
    public StoredSubscription requestedAgain(SubscriptionState next, Instant at) {
        return new StoredSubscription(apiKeyId, productId, next, at, at, usagePlans);
    }

    /** With the usage plan of a stage set, or (null) back to the stage's default. */
    public StoredSubscription withUsagePlan(String stageId, String usagePlanId, Instant at) {
        Map<String, String> plans = new TreeMap<>(usagePlans);
        if (usagePlanId == null) {
            plans.remove(stageId);
        } else {
            plans.put(stageId, usagePlanId);
        }
        return new StoredSubscription(apiKeyId, productId, status, regTime, at, plans);
    }
}
