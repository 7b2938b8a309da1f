package dev.contractkit.ncp.server;

import dev.contractkit.ncp.server.config.NcpMockConfig;
import dev.contractkit.ncp.server.store.ApiKeyStore;
import dev.contractkit.ncp.server.store.InMemoryApiKeyStore;
import dev.contractkit.ncp.server.store.InMemoryJournalStore;
import dev.contractkit.ncp.server.store.JournalStore;
import dev.contractkit.ncp.server.store.InMemoryWorkspaceStore;
import dev.contractkit.ncp.server.store.KeyFactory;
import dev.contractkit.ncp.server.store.KeyValueGenerator;
import dev.contractkit.ncp.server.store.WorkspaceStore;
import dev.contractkit.ncp.server.store.redis.RedisApiKeyStore;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jboss.logging.Logger;

/** The one store of the process, chosen by {@code ncp.mock.store} (in memory, or Redis at {@code quarkus.redis.hosts}), and its generator. */
public class StoreProducer {
    private static final Logger LOG = Logger.getLogger(StoreProducer.class);

    @Produces
    @Singleton
    ApiKeyStore store(NcpMockConfig config, Clock clock, Instance<Redis> redis, KeyValueGenerator generator) {
        return switch (config.store()) {
            case MEMORY -> new InMemoryApiKeyStore(clock, generator, config.tenantMaxKeys());
            case REDIS -> {
                LOG.info("NCP mock: keys are kept in Redis (quarkus.redis.hosts), shared by every replica on it");
                yield new RedisApiKeyStore(redis.get(), clock, generator, config.tenantMaxKeys());
            }
        };
    }

    /** The workspaces: in memory, or in Redis on the key store's connection. */
    @Produces
    @Singleton
    WorkspaceStore workspaces(ApiKeyStore store) {
        return store instanceof RedisApiKeyStore redis ? redis.workspaces() : new InMemoryWorkspaceStore();
    }

    /** The request journals: in memory, or in Redis on the key store's connection, each tenant's capped at ncp.mock.journal-size. */
    @Produces
    @Singleton
    JournalStore journals(ApiKeyStore store, NcpMockConfig config) {
        return store instanceof RedisApiKeyStore redis ? redis.journal(config.journalSize(), config.workspaceMaxTtl())
                : new InMemoryJournalStore(config.journalSize());
    }

    void close(@Disposes ApiKeyStore store) {
        store.close();
    }

    @Produces
    @Singleton
    KeyFactory keyFactory(KeyValueGenerator generator, Clock clock) {
        return new KeyFactory(generator, clock);
    }

    /** SecureRandom (a DRBG per thread), or, with {@code ncp.mock.random-seed}, one repeatable generator. */
    @Produces
    @Singleton
    KeyValueGenerator generator(NcpMockConfig config) {
        return config.randomSeed().map(seed -> {
            LOG.infof("NCP mock: IDs and key values drawn from the seed %d (ncp.mock.random-seed): repeatable, not secret", seed);
            return KeyValueGenerator.seeded(seed);
        }).orElseGet(KeyValueGenerator::new);
    }
}
