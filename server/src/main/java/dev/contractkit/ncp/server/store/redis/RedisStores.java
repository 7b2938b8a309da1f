package dev.contractkit.ncp.server.store.redis;

import dev.contractkit.ncp.server.store.KeyValueGenerator;
import dev.contractkit.ncp.server.store.Stores;
import io.vertx.mutiny.redis.client.Redis;
import java.time.Clock;
import java.time.Duration;

/** Every store in Redis, on one pipelined connection, shared by every replica on that Redis. */
public final class RedisStores {
    private RedisStores() {
    }

    /**
     * @param journalSize each tenant's journal cap
     * @param idleExpiry  how long a journal nobody writes to lives on (a workspace's longest idle time)
     */
    public static Stores open(Redis redis, Clock clock, KeyValueGenerator generator, int tenantMaxKeys, int journalSize, Duration idleExpiry) {
        RedisApiKeyStore keys = new RedisApiKeyStore(redis, clock, generator, tenantMaxKeys);
        return new Stores(keys, keys.workspaces(), keys.journal(journalSize, idleExpiry));
    }
}
