package dev.contractkit.ncp.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.server.store.redis.RedisApiKeyStore;
import dev.contractkit.ncp.testsupport.RedisServer;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.redis.client.RedisOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The journal contract on a real redis-server, plus what only Redis has: each write renews the journal's idle expiry. */
class RedisJournalStoreTest extends JournalStoreContract {
    private static RedisServer server;
    private static Vertx vertx;
    private static Redis redis;
    private final List<ApiKeyStore> opened = new ArrayList<>();

    @BeforeAll
    static void startRedis() throws Exception {
        server = RedisServer.start();
        vertx = Vertx.vertx();
        redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(server.uri()));
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
        vertx.closeAndAwait();
        server.close();
    }

    @AfterEach
    void closeTheStores() {
        opened.forEach(ApiKeyStore::close);
    }

    @Override
    JournalStore emptyStore(int size) {
        redis.send(Request.cmd(Command.FLUSHALL)).await().atMost(Duration.ofSeconds(5));
        RedisApiKeyStore store = new RedisApiKeyStore(redis, Clock.systemUTC());
        opened.add(store);
        return store.journal(size, Duration.ofHours(1));
    }

    @Test
    void eachWriteSetsTheJournalsIdleExpiry() {
        JournalStore store = emptyStore(5);
        store.add("ws-idle", "x");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> store.entries("ws-idle").await().atMost(Duration.ofSeconds(5)).size() == 1);
        long ttl = redis.send(Request.cmd(Command.PTTL).arg("ncp:journal:{ws-idle}")).await().atMost(Duration.ofSeconds(5)).toLong();
        assertThat(ttl).isBetween(Duration.ofMinutes(59).toMillis(), Duration.ofHours(1).toMillis());
    }
}
