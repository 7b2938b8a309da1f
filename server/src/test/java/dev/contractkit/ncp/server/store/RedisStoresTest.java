package dev.contractkit.ncp.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contractkit.ncp.server.store.redis.RedisStores;
import dev.contractkit.ncp.testsupport.RedisServer;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.redis.client.RedisOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The store contract against a real redis-server, plus what only Redis has: the hash tags and the outage. */
class RedisStoresTest extends StoresContract {
    private static RedisServer server;
    private static Vertx vertx;
    private static Redis redis;

    @BeforeAll
    static void startRedis() throws Exception {
        server = RedisServer.start();
        vertx = Vertx.vertx();
        redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(server.uri()).setMaxPoolSize(64).setMaxPoolWaiting(256));
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
        vertx.closeAndAwait();
        server.close();
    }

    private final List<Stores> opened = new ArrayList<>();

    /** Stores on their own client, closed after the test. */
    private Stores openOn(Redis client) {
        Stores stores = RedisStores.open(client, CLOCK, new KeyValueGenerator(), Integer.MAX_VALUE, 1000, Duration.ofHours(1));
        opened.add(stores);
        return stores;
    }

    @AfterEach
    void closeTheStores() {
        opened.forEach(Stores::close);
    }

    @Override
    Stores emptyStores(int maxKeys) {
        // each test's stores hold one pipelined connection of the pool for good, as the server's do
        redis.send(Request.cmd(Command.FLUSHALL)).await().atMost(Duration.ofSeconds(5));
        return RedisStores.open(redis, CLOCK, new KeyValueGenerator(), maxKeys, 1000, Duration.ofHours(1));
    }

    @Test
    void closingAStoreEndsItsWatchdogThread() {
        for (int i = 0; i < 100; i++) {
            try (Stores stores = RedisStores.open(redis, CLOCK, new KeyValueGenerator(), Integer.MAX_VALUE, 1000, Duration.ofHours(1))) {
                assertThat(stores.backend().ping().await().atMost(Duration.ofSeconds(5))).isTrue();
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(thread -> thread.getName().equals("ncp-redis-watchdog")).isEmpty());
    }

    @Test
    void everyKeyOfATenantSitsUnderItsHashTag() {
        try (Stores stores = emptyStores(Integer.MAX_VALUE)) {
            assertKeysUnderTheHashTag(stores.keys());
        }
    }

    private static void assertKeysUnderTheHashTag(KeyStore store) {
        store.create("tenant-a", "name", "", "me").await().indefinitely();
        var keys = redis.send(Request.cmd(Command.KEYS).arg("*")).await().indefinitely();
        List<String> names = new ArrayList<>();
        keys.forEach(k -> names.add(k.toString()));
        assertThat(names).contains("ncp:{tenant-a}:keys", "ncp:{tenant-a}:order", "ncp:{tenant-a}:seq", "ncp:tenants");
        assertThat(names.stream().filter(n -> !n.equals("ncp:tenants"))).allMatch(n -> n.startsWith("ncp:{tenant-a}:"));
    }

    /** A tenant written before the gateway's index of key values existed: its first gateway call builds the index. */
    @Test
    void theGatewayBuildsAMissingIndexOfKeyValuesOnce() {
        try (Stores stores = emptyStores(Integer.MAX_VALUE)) {
            StoredApiKey key = stores.keys().create("t1", "before-the-index", "", "me").await().atMost(Duration.ofSeconds(5));
            redis.send(Request.cmd(Command.DEL).arg("ncp:{t1}:values")).await().atMost(Duration.ofSeconds(5));
            Admission admission = stores.usage().admit("t1", call(key.secondaryKey(), false, 0, NOW)).await().atMost(Duration.ofSeconds(5));
            assertThat(admission.verdict()).isEqualTo(Admission.Verdict.ADMITTED);
            assertThat(admission.apiKeyId()).isEqualTo(key.apiKeyId());
            assertThat(admission.keyUsed()).isEqualTo(KeySlot.SECONDARY);
            assertThat(redis.send(Request.cmd(Command.HLEN).arg("ncp:{t1}:values")).await().atMost(Duration.ofSeconds(5)).toInteger())
                    .isEqualTo(2);
        }
    }

    @Test
    void aHungRedisFailsWithin2SecondsAndServesAgainWhenItWakes() throws Exception {
        try (RedisServer hung = RedisServer.start()) {
            Redis client = Redis.createClient(vertx, new RedisOptions().setConnectionString(hung.uri()));
            Stores stores = openOn(client);
            KeyStore store = stores.keys();
            store.create("t1", "before", "", "me").await().atMost(Duration.ofSeconds(5));
            hung.pause();
            try {
                long started = System.nanoTime();
                assertThatThrownBy(() -> store.list("t1", null, 0, 10).await().atMost(Duration.ofSeconds(5)))
                        .isInstanceOf(StoreUnavailableException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            } finally {
                hung.resume();
            }
            assertThat(store.list("t1", null, 0, 10).await().atMost(Duration.ofSeconds(5)).items())
                    .extracting(StoredApiKey::apiKeyName).containsExactly("before");
            stores.close();
            client.close();
        }
    }

    @Test
    void anUnreachableRedisFailsFastWithStoreUnavailable() throws Exception {
        try (RedisServer gone = RedisServer.start()) {
            Redis client = Redis.createClient(vertx, new RedisOptions().setConnectionString(gone.uri()));
            Stores stores = openOn(client);
            KeyStore store = stores.keys();
            store.create("t1", "before", "", "me").await().atMost(Duration.ofSeconds(5));
            gone.kill();
            long started = System.nanoTime();
            assertThatThrownBy(() -> store.list("t1", null, 0, 10).await().atMost(Duration.ofSeconds(5)))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(stores.backend().ping().await().atMost(Duration.ofSeconds(5))).isFalse();

            gone.startAgain();
            assertThat(store.list("t1", null, 0, 10).await().atMost(Duration.ofSeconds(5)).items())
                    .extracting(StoredApiKey::apiKeyName).containsExactly("before");
            stores.close();
            client.close();
        }
    }

    /** The journal contract on the same redis-server, plus what only Redis has: each write renews the journal's idle expiry. */
    @Nested
    class Journals extends JournalStoreContract {
        @Override
        JournalStore emptyStore(int size) {
            redis.send(Request.cmd(Command.FLUSHALL)).await().atMost(Duration.ofSeconds(5));
            Stores stores = RedisStores.open(redis, CLOCK, new KeyValueGenerator(), Integer.MAX_VALUE, size, Duration.ofHours(1));
            opened.add(stores);
            return stores.journals();
        }

        @Test
        void eachWriteSetsTheJournalsIdleExpiry() {
            JournalStore store = emptyStore(5);
            store.add("ws-idle", () -> "x");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> store.entries("ws-idle").await().atMost(Duration.ofSeconds(5)).size() == 1);
            long ttl = redis.send(Request.cmd(Command.PTTL).arg("ncp:journal:{ws-idle}")).await().atMost(Duration.ofSeconds(5)).toLong();
            assertThat(ttl).isBetween(Duration.ofMinutes(59).toMillis(), Duration.ofHours(1).toMillis());
        }
    }
}
