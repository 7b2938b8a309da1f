package dev.contractkit.ncp.server.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.replicas.RedisReplicasIT.Replica;
import dev.contractkit.ncp.testsupport.RedisServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two packaged servers on one real redis-server, each test with processes of its own, as its subject is the
 * processes' life: two replicas starting together seed once; a Redis outage answers 503 "500" fast and the same
 * replicas serve again when it is back; a Redis that comes back empty is seeded again once.
 */
class RedisRecoveryIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TwoReplicas replicas;
    private RedisServer redis;
    private Replica a;
    private Replica b;

    @BeforeEach
    void startRedisAndTwoReplicas() throws Exception {
        replicas = TwoReplicas.start(RedisReplicasIT.TENANT);
        redis = replicas.redis();
        a = new Replica("a", replicas.a());
        b = new Replica("b", replicas.b());
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (replicas != null) {
            replicas.close();
        }
    }

    private static List<String> ids(JsonNode list) {
        return RedisReplicasIT.ids(list);
    }

    @Test
    void twoReplicasStartingTogetherSeedTheTenantOnce() throws Exception {
        JsonNode list = a.json("GET", "/api/v1/api-keys?limit=100", null, 200);
        assertThat(list.path("total").asLong()).isEqualTo(3);
        assertThat(ids(list)).containsExactly("seedweb001", "seedmob002", "seedold003");
        assertThat(b.json("GET", "/api/v1/api-keys?limit=100", null, 200)).isEqualTo(list);
    }

    /** Redis killed: both replicas answer 503 "500" within 2 s and say they are not ready; Redis back: they serve again, data kept. */
    @Test
    void aRedisOutageAnswers503FastAndTheReplicasRecover() throws Exception {
        // the test Redis syncs its append-only file on every write (appendfsync always): answered means on disk
        String id = a.json("POST", "/api/v1/api-keys", "{\"apiKeyName\":\"durable\"}", 201).at("/apiKey/apiKeyId").asText();
        redis.kill();

        for (Replica replica : new Replica[] {a, b}) {
            for (String[] call : new String[][] {{"GET", "/api/v1/api-keys", null}, {"PATCH", "/api/v1/api-keys/" + id, "{\"keyType\":\"PRIMARY\"}"},
                {"POST", "/api/v1/api-keys", "{\"apiKeyName\":\"x\"}"}}) {
                long started = System.nanoTime();
                HttpResponse<String> answer = replica.send(call[0], call[1], call[2]);
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                assertThat(answer.statusCode()).as("%s %s %s", call[0], call[1], answer.body()).isEqualTo(503);
                JsonNode error = JSON.readTree(answer.body()).path("error");
                assertThat(error.path("errorCode").asText()).isEqualTo("500");
                assertThat(error.path("message").asText()).isEqualTo("Endpoint Error");
                assertThat(millis).as("answered in ms").isLessThan(2000);
            }
            assertThat(replica.plain("/q/health/ready").statusCode()).isEqualTo(503);
            assertThat(replica.plain("/q/health/live").statusCode()).isEqualTo(200);
        }
        String logged = a.log();
        assertThat(logged).doesNotContain(" ERROR ", "\tat ");

        redis.startAgain();
        for (Replica replica : new Replica[] {a, b}) {
            Awaitility.await("serves again without a restart").atMost(Duration.ofSeconds(15))
                    .until(() -> replica.send("GET", "/api/v1/api-keys/" + id, null).statusCode() == 200);
            assertThat(replica.plain("/q/health/ready").statusCode()).isEqualTo(200);
            assertThat(replica.json("GET", "/api/v1/api-keys/" + id, null, 200).path("apiKeyName").asText()).isEqualTo("durable");
        }
        // with its append-only file Redis came back with its data: nothing was lost, nothing re-seeded
        assertThat(a.log() + b.log()).doesNotContain("the store lost its data");
    }

    /**
     * Redis killed under load and started again without its data: within 2 s of Redis being back both
     * replicas answer 200 for the seed keys again, exactly one of them seeded, nothing is doubled, and each
     * replica's log says what happened.
     */
    @Test
    void aRedisThatComesBackEmptyIsSeededAgainOnceAndEveryReplicaSaysSo() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> load = new ArrayList<>();
            for (Replica replica : new Replica[] {a, b}) {
                load.add(pool.submit(() -> {
                    while (running.get()) {
                        try {
                            replica.send("PATCH", "/api/v1/api-keys/seedweb001", "{\"keyType\":\"PRIMARY\"}");
                        } catch (IOException refused) {
                            // a connection refused while Redis restarts is not this test's concern
                        }
                    }
                    return null;
                }));
            }
            redis.kill();
            redis.startEmpty();
            long back = System.nanoTime();
            for (Replica replica : new Replica[] {a, b}) {
                Awaitility.await(replica.name + " serves the seed again").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                        .until(() -> replica.send("GET", "/api/v1/api-keys/seedweb001", null).statusCode() == 200);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - back)).isLessThan(Duration.ofMillis(2500));
            running.set(false);
            for (Future<?> worker : load) {
                worker.get(30, TimeUnit.SECONDS);
            }
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
        for (Replica replica : new Replica[] {a, b}) {
            assertThat(ids(replica.json("GET", "/api/v1/api-keys?limit=100", null, 200)))
                    .containsExactly("seedweb001", "seedmob002", "seedold003");
            Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(replica.log())
                    .containsOnlyOnce("the store lost its data (the seed of tenant"));
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> replica.plain("/q/health/ready").statusCode() == 200);
        }
        long seeders = Stream.of(a, b).filter(replica -> replica.log().contains("this replica re-seeded")).count();
        assertThat(seeders).as("replicas that seeded again").isEqualTo(1);
    }
}
