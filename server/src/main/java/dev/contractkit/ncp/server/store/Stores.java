package dev.contractkit.ncp.server.store;

import io.smallrye.mutiny.Uni;
import java.time.Clock;

/**
 * The stores of one backend, a store per concept: keys, subscriptions, the gateway's usage counters, workspaces
 * and request journals. {@code ncp.mock.store} chooses the backend once ({@link #inMemory}, or
 * {@code RedisStores.open}); each concept is then taken from it, so nothing asks which backend a store is. The
 * backend itself answers the readiness check and, closed, ends its connections, if it has any.
 */
public record Stores(KeyStore keys, SubscriptionStore subscriptions, UsageStore usage, WorkspaceStore workspaces,
        JournalStore journals, Backend backend) implements AutoCloseable {

    /** What the stores of one backend share: where they keep their data. */
    public interface Backend extends AutoCloseable {
        /** Whether the backend answers (the readiness check). */
        Uni<Boolean> ping();

        @Override
        void close();
    }

    /** In memory: this process alone. */
    public static Stores inMemory(Clock clock, KeyValueGenerator generator, int tenantMaxKeys, int journalSize) {
        InMemoryTenants tenants = new InMemoryTenants();
        return new Stores(new InMemoryKeyStore(tenants, clock, generator, tenantMaxKeys), new InMemorySubscriptionStore(tenants),
                new InMemoryUsageStore(tenants), new InMemoryWorkspaceStore(), new InMemoryJournalStore(journalSize), new Backend() {
                    @Override
                    public Uni<Boolean> ping() {
                        return Uni.createFrom().item(true);
                    }

                    @Override
                    public void close() {
                    }
                });
    }

    @Override
    public void close() {
        backend.close();
    }
}
