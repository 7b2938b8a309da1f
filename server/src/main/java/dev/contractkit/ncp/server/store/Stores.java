package dev.contractkit.ncp.server.store;

import java.time.Clock;

/**
 * The stores of one backend, a store per concept: the keys (with their subscriptions and the gateway's counters),
 * the workspaces and the request journals. {@code ncp.mock.store} chooses the backend once; each concept is then
 * taken from it, so nothing asks which backend a store is.
 */
public interface Stores extends AutoCloseable {
    ApiKeyStore keys();

    WorkspaceStore workspaces();

    JournalStore journals();

    /** Ends the backend's connections, if it has any. */
    @Override
    void close();

    /** In memory: this process alone. */
    static Stores inMemory(Clock clock, KeyValueGenerator generator, int tenantMaxKeys, int journalSize) {
        ApiKeyStore keys = new InMemoryApiKeyStore(clock, generator, tenantMaxKeys);
        WorkspaceStore workspaces = new InMemoryWorkspaceStore();
        JournalStore journals = new InMemoryJournalStore(journalSize);
        return new Stores() {
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
        };
    }
}
