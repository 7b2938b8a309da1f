package dev.contractkit.ncp.server.store;

import java.time.Clock;

/**
 * The stores of one backend, a store per concept: the keys (with their subscriptions and the gateway's counters),
 * the workspaces and the request journals. {@code ncp.mock.store} chooses the backend once ({@link #inMemory}, or
 * {@code RedisStores.open}); each concept is then taken from it, so nothing asks which backend a store is.
 * Closing ends the backend's connections, if it has any (the key store owns them).
 */
public record Stores(ApiKeyStore keys, WorkspaceStore workspaces, JournalStore journals) implements AutoCloseable {

    /** In memory: this process alone. */
    public static Stores inMemory(Clock clock, KeyValueGenerator generator, int tenantMaxKeys, int journalSize) {
        return new Stores(new InMemoryApiKeyStore(clock, generator, tenantMaxKeys), new InMemoryWorkspaceStore(),
                new InMemoryJournalStore(journalSize));
    }

    @Override
    public void close() {
        keys.close();
    }
}
