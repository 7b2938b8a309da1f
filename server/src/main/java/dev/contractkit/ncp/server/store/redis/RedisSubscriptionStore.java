package dev.contractkit.ncp.server.store.redis;

import dev.contractkit.ncp.server.store.StoredSubscription;
import dev.contractkit.ncp.server.store.SubscriptionStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Subscriptions in Redis: the tenant's {@code subscriptions} hash, "keyId/productId" to the subscription as JSON.
 * A write is one run of {@code write-subscription.lua}, which checks the key and the expected subscription in
 * the same step.
 */
final class RedisSubscriptionStore implements SubscriptionStore {
    private static final LuaScript WRITE = LuaScript.load("write-subscription");

    private final RedisTransport redis;
    private final StoredJson json;

    RedisSubscriptionStore(RedisTransport redis, StoredJson json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public Uni<List<StoredSubscription>> all(String tenantId) {
        return redis.send(Request.cmd(Command.HVALS).arg(TenantSlot.key(tenantId, "subscriptions"))).map(answer -> {
            List<StoredSubscription> all = new ArrayList<>(answer.size());
            answer.forEach(value -> all.add(json.subscription(value.toString())));
            all.sort(StoredSubscription.OLDEST_FIRST);
            return all;
        });
    }

    @Override
    public Uni<Optional<StoredSubscription>> find(String tenantId, String apiKeyId, String productId) {
        return redis.send(Request.cmd(Command.HGET).arg(TenantSlot.key(tenantId, "subscriptions")).arg(StoredSubscription.id(apiKeyId, productId)))
                .map(answer -> RedisTransport.text(answer).map(json::subscription));
    }

    @Override
    public Uni<Write> write(String tenantId, String apiKeyId, String productId, StoredSubscription expected, StoredSubscription next) {
        return redis.eval(WRITE, TenantSlot.keys(tenantId), apiKeyId, StoredSubscription.id(apiKeyId, productId),
                expected == null ? "" : json.write(expected), next == null ? "" : json.write(next))
                .map(answer -> switch (answer.toInteger()) {
                    case -1 -> Write.KEY_MISSING;
                    case 0 -> Write.CHANGED;
                    default -> Write.DONE;
                });
    }
}
