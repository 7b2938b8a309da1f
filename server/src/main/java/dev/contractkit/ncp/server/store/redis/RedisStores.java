package dev.contractkit.ncp.server.store.redis;

import dev.contractkit.ncp.server.store.KeyValueGenerator;
import dev.contractkit.ncp.server.store.Stores;
import io.vertx.mutiny.redis.client.Redis;
import java.time.Clock;
import java.time.Duration;

/**
 * Every store in Redis, on one pipelined connection ({@link RedisTransport}), shared by every replica on that
 * Redis. Every call gives up after about {@link RedisTransport#TIMEOUT} with {@code StoreUnavailableException}.
 */
public final class RedisStores {
    private RedisStores() {
    }

    /**
     * @param journalSize each tenant's journal cap
     * @param idleExpiry  how long a journal nobody writes to lives on (a workspace's longest idle time)
     */
    public static Stores open(Redis redis, Clock clock, KeyValueGenerator generator, int tenantMaxKeys, int journalSize, Duration idleExpiry) {
        RedisTransport transport = new RedisTransport(redis);
        StoredJson json = new StoredJson();
        return new Stores(new RedisKeyStore(transport, json, clock, generator, tenantMaxKeys), new RedisSubscriptionStore(transport, json),
                new RedisUsageStore(transport, json), new RedisWorkspaceStore(transport), new RedisJournalStore(transport, journalSize, idleExpiry),
                transport);
    }
}
