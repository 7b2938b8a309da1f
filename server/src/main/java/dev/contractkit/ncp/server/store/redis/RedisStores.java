package dev.contractkit.ncp.server.store.redis;

import dev.contractkit.ncp.server.store.ApiKeyStore;
import dev.contractkit.ncp.server.store.JournalStore;
import dev.contractkit.ncp.server.store.KeyValueGenerator;
import dev.contractkit.ncp.server.store.Stores;
import dev.contractkit.ncp.server.store.WorkspaceStore;
import io.vertx.mutiny.redis.client.Redis;
import java.time.Clock;
import java.time.Duration;

/** Every store in Redis, on one pipelined connection, shared by every replica on that Redis. */
public final class RedisStores implements Stores {
    private final RedisApiKeyStore keys;
    private final WorkspaceStore workspaces;
    private final JournalStore journals;

    /**
     * @param journalSize each tenant's journal cap
     * @param idleExpiry  how long a journal nobody writes to lives on (a workspace's longest idle time)
     */
    public RedisStores(Redis redis, Clock clock, KeyValueGenerator generator, int tenantMaxKeys, int journalSize, Duration idleExpiry) {
        this.keys = new RedisApiKeyStore(redis, clock, generator, tenantMaxKeys);
        this.workspaces = keys.workspaces();
        this.journals = keys.journal(journalSize, idleExpiry);
    }

    @Override
    public ApiKeyStore keys() {
        return keys;
    }

    @Override
    public WorkspaceStore workspaces() {
        return workspaces;
    }

    @Override
    public JournalStore journals() {
        return journals;
    }

    @Override
    public void close() {
        keys.close();
    }
}
