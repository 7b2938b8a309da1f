package dev.contractkit.ncp.server;

import dev.contractkit.ncp.server.config.NcpMockConfig;
import dev.contractkit.ncp.server.store.JournalStore;
import dev.contractkit.ncp.server.store.KeyFactory;
import dev.contractkit.ncp.server.metrics.MockMetrics;
import dev.contractkit.ncp.server.metrics.TimedStores;
import dev.contractkit.ncp.server.store.KeyStore;
import dev.contractkit.ncp.server.store.KeyValueGenerator;
import dev.contractkit.ncp.server.store.Stores;
import dev.contractkit.ncp.server.store.SubscriptionStore;
import dev.contractkit.ncp.server.store.UsageStore;
import dev.contractkit.ncp.server.store.WorkspaceStore;
import dev.contractkit.ncp.server.store.redis.RedisStores;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * The stores of the process, chosen once by {@code ncp.mock.store} (in memory, or Redis at
 * {@code quarkus.redis.hosts}), a store per concept taken from the chosen backend; and the key generator.
 */
public class StoreProducer {
    private static final Logger LOG = Logger.getLogger(StoreProducer.class);

    @Produces
    @Singleton
    Stores stores(NcpMockConfig config, Clock clock, Instance<Redis> redis, KeyValueGenerator generator) {
        return switch (config.store()) {
            case MEMORY -> Stores.inMemory(clock, generator, config.tenantMaxKeys(), config.journalSize());
            case REDIS -> {
                LOG.info("NCP mock: keys are kept in Redis (quarkus.redis.hosts), shared by every replica on it");
                yield RedisStores.open(redis.get(), clock, generator, config.tenantMaxKeys(), config.journalSize(), config.workspaceMaxTtl());
            }
        };
    }

    void close(@Disposes Stores stores) {
        stores.close();
    }

    @Produces
    @Singleton
    KeyStore keys(Stores stores, MockMetrics metrics) {
        return TimedStores.timed(KeyStore.class, stores.keys(), metrics);
    }

    @Produces
    @Singleton
    SubscriptionStore subscriptions(Stores stores, MockMetrics metrics) {
        return TimedStores.timed(SubscriptionStore.class, stores.subscriptions(), metrics);
    }

    /** The gateway's counters. */
    @Produces
    @Singleton
    UsageStore usage(Stores stores, MockMetrics metrics) {
        return TimedStores.timed(UsageStore.class, stores.usage(), metrics);
    }

    @Produces
    @Singleton
    WorkspaceStore workspaces(Stores stores, MockMetrics metrics) {
        return TimedStores.timed(WorkspaceStore.class, stores.workspaces(), metrics);
    }

    /** The request journals, each tenant's capped at ncp.mock.journal-size. */
    @Produces
    @Singleton
    JournalStore journals(Stores stores, MockMetrics metrics) {
        return TimedStores.timed(JournalStore.class, stores.journals(), metrics);
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
