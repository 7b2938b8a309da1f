package dev.contractkit.ncp.server.store;

import java.util.Comparator;

/** The one order of subscriptions every store answers in: oldest request first, then by key and product. */
final class StoredSubscriptions {
    static final Comparator<StoredSubscription> OLDEST_FIRST = Comparator.comparing(StoredSubscription::regTime)
            .thenComparing(StoredSubscription::apiKeyId)
            .thenComparing(StoredSubscription::productId);

    private StoredSubscriptions() {
    }
}
