package dev.contractkit.ncp.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contractkit.ncp.server.store.redis.RedisApiKeyStore;
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
class RedisApiKeyStoreTest extends ApiKeyStoreContract {
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

    private final List<ApiKeyStore> opened = new ArrayList<>();

    private void closeAfter(ApiKeyStore store) {
        opened.add(store);
    }

    @AfterEach
    void closeTheStores() {
        opened.forEach(ApiKeyStore::close);
    }

    @Override
    Stores emptyStores() {
        // each test's stores hold one pipelined connection of the pool for good, as the server's do
        redis.send(Request.cmd(Command.FLUSHALL)).await().atMost(Duration.ofSeconds(5));
        return RedisStores.open(redis, CLOCK, new KeyValueGenerator(), Integer.MAX_VALUE, 1000, Duration.ofHours(1));
    }

    @Override
    ApiKeyStore emptyStoreHolding(int maxKeys) {
        redis.send(Request.cmd(Command.FLUSHALL)).await().atMost(Duration.ofSeconds(5));
        RedisApiKeyStore limited = new RedisApiKeyStore(redis, CLOCK, new KeyValueGenerator(), maxKeys);
        opened.add(limited);
        return limited;
    }

    @Test
    void closingAStoreEndsItsWatchdogThread() {
        for (int i = 0; i < 100; i++) {
            try (ApiKeyStore store = new RedisApiKeyStore(redis, CLOCK, new KeyValueGenerator(), Integer.MAX_VALUE)) {
                assertThat(store.ping().await().atMost(Duration.ofSeconds(5))).isTrue();
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(thread -> thread.getName().equals("ncp-redis-watchdog")).isEmpty());
    }

    @Test
    void everyKeyOfATenantSitsUnderItsHashTag() {
        try (Stores stores = emptyStores()) {
            assertKeysUnderTheHashTag(stores.keys());
        }
    }

    private static void assertKeysUnderTheHashTag(ApiKeyStore store) {
        store.create("tenant-a", "name", "", "me").await().indefinitely();
        var keys = redis.send(Request.cmd(Command.KEYS).arg("*")).await().indefinitely();
        List<String> names = new ArrayList<>();
        keys.forEach(k -> names.add(k.toString()));
        assertThat(names).contains("ncp:{tenant-a}:keys", "ncp:{tenant-a}:order", "ncp:{tenant-a}:seq", "ncp:tenants");
        assertThat(names.stream().filter(n -> !n.equals("ncp:tenants"))).allMatch(n -> n.startsWith("ncp:{tenant-a}:"));
    }

    @Test
    void aHungRedisFailsWithin2SecondsAndServesAgainWhenItWakes() throws Exception {
        try (RedisServer hung = RedisServer.start()) {
            Redis client = Redis.createClient(vertx, new RedisOptions().setConnectionString(hung.uri()));
            RedisApiKeyStore store = new RedisApiKeyStore(client, CLOCK, new KeyValueGenerator(), Integer.MAX_VALUE);
            closeAfter(store);
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
            store.close();
            client.close();
        }
    }

    @Test
    void anUnreachableRedisFailsFastWithStoreUnavailable() throws Exception {
        try (RedisServer gone = RedisServer.start()) {
            Redis client = Redis.createClient(vertx, new RedisOptions().setConnectionString(gone.uri()));
            RedisApiKeyStore store = new RedisApiKeyStore(client, CLOCK, new KeyValueGenerator(), Integer.MAX_VALUE);
            closeAfter(store);
            store.create("t1", "before", "", "me").await().atMost(Duration.ofSeconds(5));
            gone.kill();
            long started = System.nanoTime();
            assertThatThrownBy(() -> store.list("t1", null, 0, 10).await().atMost(Duration.ofSeconds(5)))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(store.ping().await().atMost(Duration.ofSeconds(5))).isFalse();

            gone.startAgain();
            assertThat(store.list("t1", null, 0, 10).await().atMost(Duration.ofSeconds(5)).items())
                    .extracting(StoredApiKey::apiKeyName).containsExactly("before");
            store.close();
            client.close();
        }
    }

    /** The journal contract on the same redis-server, plus what only Redis has: each write renews the journal's idle expiry. */
    @Nested
    class Journals extends JournalStoreContract {
        @Override
        JournalStore emptyStore(int size) {
            redis.send(Request.cmd(Command.FLUSHALL)).await().atMost(Duration.ofSeconds(5));
            RedisApiKeyStore store = new RedisApiKeyStore(redis, CLOCK, new KeyValueGenerator(), Integer.MAX_VALUE);
            closeAfter(store);
            return store.journal(size, Duration.ofHours(1));
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
