package dev.contractkit.ncp.server.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.testsupport.PackagedMock;
import dev.contractkit.ncp.testsupport.RedisServer;
import dev.contractkit.ncp.testsupport.SignedHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two packaged servers ({@code ncp.mock.store=redis}) on one real redis-server, as a team runs a shared
 * mock behind a load balancer: state crosses replicas, survives a replica's death and restart, an outage
 * answers 503 "500" fast, and the same processes serve again when Redis is back.
 */
class RedisReplicasIT {
    static final NcpCredentials TENANT = new NcpCredentials("TEAMACCESSKEY0000001", "TEAMSECRETKEY000000000000000000000000001");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static TwoReplicas replicas;
    private static RedisServer redis;
    private static Replica a;
    private static Replica b;

    /**
     * One Redis and two replicas for the class, reset to the seed before each test (on one replica: the state is
     * shared). Starting, outages and a Redis that comes back empty are {@link RedisRecoveryIT}'s, with processes
     * of their own.
     */
    @BeforeAll
    static void startRedisAndTwoReplicas() throws Exception {
        replicas = TwoReplicas.start(TENANT);
        redis = replicas.redis();
        a = new Replica("a", replicas.a());
        b = new Replica("b", replicas.b());
    }

    @BeforeEach
    void backToTheSeed() throws Exception {
        assertThat(b.plain("/mock/reset", "POST").statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (replicas != null) {
            replicas.close();
        }
    }

    @Test
    void createOnARegenerateOnBReadOnA() throws Exception {
        JsonNode created = a.json("POST", "/api/v1/api-keys", "{\"apiKeyName\":\"cross\"}", 201).path("apiKey");
        String id = created.path("apiKeyId").asText();
        JsonNode regenerated = b.json("PATCH", "/api/v1/api-keys/" + id, "{\"keyType\":\"PRIMARY\"}", 200).path("apiKey");
        assertThat(regenerated.path("primaryKey").asText()).isNotEqualTo(created.path("primaryKey").asText());

        JsonNode read = a.json("GET", "/api/v1/api-keys/" + id, null, 200);
        assertThat(read.path("primaryKey").asText()).isEqualTo(regenerated.path("primaryKey").asText());
        assertThat(read.path("secondaryKey").asText()).isEqualTo(created.path("secondaryKey").asText());
        assertThat(read.path("modTime").asText()).isEqualTo(regenerated.path("modTime").asText());

        a.json("PUT", "/api/v1/api-keys/" + id, "{\"apiKeyName\":\"renamed\",\"isEnabled\":false}", 200);
        assertThat(b.json("GET", "/api/v1/api-keys/" + id, null, 200).path("apiKeyName").asText()).isEqualTo("renamed");
        assertThat(b.send("DELETE", "/api/v1/api-keys/" + id, null).statusCode()).isEqualTo(204);
        for (Replica replica : new Replica[] {a, b}) {
            assertThat(replica.json("GET", "/api/v1/api-keys/" + id, null, 404).at("/error/errorCode").asText()).isEqualTo("300");
        }
    }

    /** A subscription is shared state too: requested on A, approved on B, detailed on A, raced, ended with its key. */
    @Test
    void aSubscriptionMadeOnOneReplicaIsTheSameOnTheOther() throws Exception {
        String id = a.json("POST", "/api/v1/api-keys", "{\"apiKeyName\":\"subscriber\"}", 201).path("apiKey").path("apiKeyId").asText();
        assertThat(a.send("POST", "/api/v1/api-keys/" + id + "/subscribe", "{\"productId\":\"prodprt002\"}").statusCode()).isEqualTo(200);
        JsonNode queue = b.json("POST", "/api/v1/products/prodprt002/api-keys/search", "{\"apiKeyId\":\"" + id + "\"}", 200);
        assertThat(queue.at("/apiKeyPage/content/0/status").asText()).isEqualTo("REQUEST");

        assertThat(b.send("PATCH", "/api/v1/products/prodprt002/api-keys/" + id, "{\"status\":\"ACCEPTED\"}").statusCode()).isEqualTo(204);
        assertThat(b.send("PUT", "/api/v1/products/prodprt002/api-keys/" + id + "/stages/stgpayprd1", "{\"usagePlanId\":\"planpaygld\"}")
                .statusCode()).isEqualTo(204);
        JsonNode stages = a.json("GET", "/api/v1/api-keys/" + id + "/subscription-detail?productId=prodprt002&stageId=stgpayprd1", null, 200);
        assertThat(stages.at("/apiKeyRelations/content/0/usagePlanId").asText()).isEqualTo("planpaygld");

        // a usage plan on each replica at once, for two stages: compare-and-set keeps both
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> onA = pool.submit(() -> a.send("PUT", "/api/v1/products/prodprt002/api-keys/" + id + "/stages/stgpaysbx1",
                    "{\"usagePlanId\":\"planpaysbx\"}").statusCode());
            Future<Integer> onB = pool.submit(() -> b.send("PUT", "/api/v1/products/prodprt002/api-keys/" + id + "/stages/stgpayprd1",
                    "{\"usagePlanId\":\"planpaystd\"}").statusCode());
            assertThat(onA.get()).isEqualTo(204);
            assertThat(onB.get()).isEqualTo(204);
        } finally {
            pool.shutdownNow();
        }
        JsonNode both = b.json("GET", "/api/v1/api-keys/" + id + "/subscription-detail?productId=prodprt002", null, 200);
        assertThat(both.at("/apiKeyRelations/content/0/usagePlanId").asText()).isEqualTo("planpaysbx");
        assertThat(both.at("/apiKeyRelations/content/1/usagePlanId").asText()).isEqualTo("planpaystd");
        assertThat(a.json("GET", "/api/v1/api-keys/" + id + "/subscription-detail?productId=prodprt002", null, 200)).isEqualTo(both);

        assertThat(b.send("DELETE", "/api/v1/api-keys/" + id, null).statusCode()).isEqualTo(204);
        assertThat(a.json("POST", "/api/v1/products/prodprt002/api-keys/search", "{\"apiKeyId\":\"" + id + "\"}", 200)
                .at("/apiKeyPage/total").asLong()).isZero();
    }

    /** 40 regenerations of one key: a PRIMARY caller and a SECONDARY caller, each alternating replicas, at once. */
    @Test
    void fortyConcurrentRegenerationsAcrossReplicasStayConsistent() throws Exception {
        String id = a.json("POST", "/api/v1/api-keys", "{\"apiKeyName\":\"race\"}", 201).at("/apiKey/apiKeyId").asText();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            Future<List<JsonNode>> primaries = pool.submit(() -> lane(id, "PRIMARY", start, a, b));
            Future<List<JsonNode>> secondaries = pool.submit(() -> lane(id, "SECONDARY", start, b, a));
            start.countDown();
            List<JsonNode> p = primaries.get(60, TimeUnit.SECONDS);
            List<JsonNode> s = secondaries.get(60, TimeUnit.SECONDS);
            assertThat(p.stream().map(n -> n.path("primaryKey").asText())).doesNotHaveDuplicates();
            assertThat(s.stream().map(n -> n.path("secondaryKey").asText())).doesNotHaveDuplicates();
            for (Replica replica : new Replica[] {a, b}) {
                JsonNode stored = replica.json("GET", "/api/v1/api-keys/" + id, null, 200);
                assertThat(stored.path("primaryKey").asText()).isEqualTo(p.get(p.size() - 1).path("primaryKey").asText());
                assertThat(stored.path("secondaryKey").asText()).isEqualTo(s.get(s.size() - 1).path("secondaryKey").asText());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<JsonNode> lane(String id, String type, CountDownLatch start, Replica first, Replica second) throws Exception {
        start.await();
        List<JsonNode> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Replica replica = i % 2 == 0 ? first : second;
            answers.add(replica.json("PATCH", "/api/v1/api-keys/" + id, "{\"keyType\":\"" + type + "\"}", 200).path("apiKey"));
        }
        return answers;
    }

    /** Load on both replicas; A is killed (SIGKILL) in the middle. Everything either answered is on B, and on A once it is back. */
    @Test
    void aReplicaKilledMidLoadLosesNothingThatWasAnswered() throws Exception {
        Map<String, String> lastPrimaryById = new ConcurrentHashMap<>();
        // a regeneration sent to the replica that dies may have been done without being answered: its key
        // must still exist, but its value is not known
        Set<String> unanswered = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (Replica replica : new Replica[] {a, b}) {
                workers.add(pool.submit(() -> {
                    while (running.get()) {
                        try {
                            HttpResponse<String> created = replica.send("POST", "/api/v1/api-keys", "{\"apiKeyName\":\"load\"}");
                            if (created.statusCode() != 201) {
                                continue;
                            }
                            JsonNode key = JSON.readTree(created.body()).path("apiKey");
                            String id = key.path("apiKeyId").asText();
                            lastPrimaryById.put(id, key.path("primaryKey").asText());
                            unanswered.add(id);
                            HttpResponse<String> regenerated = replica.send("PATCH", "/api/v1/api-keys/" + id, "{\"keyType\":\"PRIMARY\"}");
                            if (regenerated.statusCode() == 200) {
                                lastPrimaryById.put(id, JSON.readTree(regenerated.body()).at("/apiKey/primaryKey").asText());
                                unanswered.remove(id);
                            }
                        } catch (IOException dead) {
                            // the killed replica's connection: nothing was answered
                        }
                    }
                    return null;
                }));
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> lastPrimaryById.size() > 20);
            a.kill();
            int atTheKill = lastPrimaryById.size();
            // B goes on alone: the load continues until it has created 20 more keys
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> lastPrimaryById.size() > atTheKill + 20);
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(lastPrimaryById).hasSizeGreaterThan(20);
        assertThat(unanswered).as("at most the one regeneration per worker in flight at the kill").hasSizeLessThanOrEqualTo(2);
        assertEveryAnsweredKeyIsOn(b, lastPrimaryById, unanswered);

        a.restart();
        assertEveryAnsweredKeyIsOn(a, lastPrimaryById, unanswered);
        // the restarted replica found the tenant seeded: it neither re-seeded nor duplicated anything
        JsonNode list = a.json("GET", "/api/v1/api-keys?limit=1000", null, 200);
        assertThat(ids(list)).doesNotHaveDuplicates().startsWith("seedweb001", "seedmob002", "seedold003");
    }

    private static void assertEveryAnsweredKeyIsOn(Replica replica, Map<String, String> lastPrimaryById, Set<String> unanswered)
            throws Exception {
        JsonNode list = replica.json("GET", "/api/v1/api-keys?limit=1000", null, 200);
        Map<String, String> stored = new ConcurrentHashMap<>();
        list.path("apiKeys").forEach(key -> stored.put(key.path("apiKeyId").asText(), key.path("primaryKey").asText()));
        assertThat(stored).containsKeys(lastPrimaryById.keySet().toArray(String[]::new));
        lastPrimaryById.forEach((id, primary) -> {
            if (!unanswered.contains(id)) {
                assertThat(stored.get(id)).as("the last answered primary key of %s", id).isEqualTo(primary);
            }
        });
    }

    /** One reset, on either replica, resets the shared state for both. */
    @Test
    void aResetOnOneReplicaResetsTheSharedState() throws Exception {
        String seedPrimary = a.json("GET", "/api/v1/api-keys/seedweb001", null, 200).path("primaryKey").asText();
        a.json("PATCH", "/api/v1/api-keys/seedweb001", "{\"keyType\":\"PRIMARY\"}", 200);
        assertThat(b.plain("/mock/reset", "POST").statusCode()).isEqualTo(200);
        JsonNode list = a.json("GET", "/api/v1/api-keys?limit=1000", null, 200);
        assertThat(ids(list)).containsExactly("seedweb001", "seedmob002", "seedold003");
        assertThat(a.json("GET", "/api/v1/api-keys/seedweb001", null, 200).path("primaryKey").asText()).isEqualTo(seedPrimary);
    }

    // ---- plumbing --------------------------------------------------------------------------------------------

    static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("apiKeys").forEach(key -> ids.add(key.path("apiKeyId").asText()));
        return ids;
    }

    /** One packaged server process with the Redis store, started and ready. */
    /** One replica of {@link TwoReplicas}, named, signing as the tenant. */
    static final class Replica {
        final String name;
        private final PackagedMock mock;

        Replica(String name, PackagedMock mock) {
            this.name = name;
            this.mock = mock;
        }

        /** Starts again on the same port after a kill, and waits until it is ready. */
        void restart() throws IOException {
            mock.startAgain();
        }

        void kill() {
            mock.kill();
        }

        String log() {
            return mock.logText();
        }

        HttpResponse<String> plain(String path) throws IOException, InterruptedException {
            return plain(path, "GET");
        }

        HttpResponse<String> plain(String path, String method) throws IOException, InterruptedException {
            return HTTP.send(HttpRequest.newBuilder(URI.create(mock.url() + path)).timeout(Duration.ofSeconds(10))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> send(String method, String pathAndQuery, String body) throws IOException, InterruptedException {
            return SignedHttp.send(mock.url(), TENANT, method, pathAndQuery, body);
        }

        JsonNode json(String method, String pathAndQuery, String body, int expectedStatus) throws IOException, InterruptedException {
            HttpResponse<String> answer = send(method, pathAndQuery, body);
            assertThat(answer.statusCode()).as("%s %s on %s: %s", method, pathAndQuery, name, answer.body()).isEqualTo(expectedStatus);
            return JSON.readTree(answer.body());
        }
    }
}
