package dev.contractkit.ncp.server.replicas;

import dev.contractkit.ncp.testsupport.TempFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.signature.NcpHeaders;
import dev.contractkit.ncp.signature.NcpSigner;
import dev.contractkit.ncp.testsupport.PackagedMock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on one Redis under a shared team mock's mixed load: 8 clients for {@code stress.seconds} (20 by
 * default; 60 with {@code -Dstress.seconds=60}) make and delete workspaces, set up and tear down provider states
 * in contract-testing workspaces, call under workspace prefixes and by a workspace's access key, change the
 * configured tenant's keys, call the gateway and read journals. Every call must be answered within 2 s, with its
 * normal answer or NCP's 503 "500" (the store's watchdog), never with silence and never with anything else.
 */
class EveryCallAnsweredStressIT {
    private static final String ADMIN_TOKEN = "stress-admin-token-51c0d8e2a7f94b36";
    private static final NcpCredentials TENANT = new NcpCredentials("STRSACCESSKEY0000001", "STRSSECRETKEY000000000000000000000000001");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);
    private static final String SEED = """
            {"apiKeys": [],
             "products": [{"productId": "strsprod01", "productName": "Stress", "subscriptionCode": "PUBLIC", "invokeId": "strs000001",
               "apis": [{"apiId": "strsapi001", "apiName": "stress", "stages": [{"stageId": "strsstg001", "stageName": "v1",
                 "usagePlans": [{"usagePlanId": "strsplan01", "usagePlanName": "Open"}]}]}]}]}
            """;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(ANSWER_WITHIN).build();
    private final AtomicLong calls = new AtomicLong();
    private final Queue<String> unanswered = new ConcurrentLinkedQueue<>();
    private final Queue<String> wrong = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicLong> perKind = new ConcurrentHashMap<>();
    private PackagedMock[] replicas;

    @Test
    void everyCallOfAMixedLoadOnTwoReplicasIsAnsweredWithinTwoSeconds() throws Exception {
        Path seed = TempFiles.file("stress-seed", ".json");
        Files.writeString(seed, SEED);
        try (TwoReplicas two = TwoReplicas.start(TENANT, "-Dncp.mock.seed-file=" + seed, "-Dncp.mock.admin-token=" + ADMIN_TOKEN)) {
            replicas = new PackagedMock[] {two.a(), two.b()};
            String gatewayKey = admittedGatewayKey();
            long seconds = Long.getLong("stress.seconds", 20);
            long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int client = 0; client < 8; client++) {
                    int number = client;
                    running.add(clients.submit(() -> {
                        while (System.nanoTime() < until) {
                            oneRound(number, gatewayKey);
                        }
                        return null;
                    }));
                }
                for (Future<?> client : running) {
                    client.get();
                }
            } finally {
                clients.shutdownNow();
                Files.deleteIfExists(seed);
            }
        }
        System.out.printf("EveryCallAnsweredStressIT: %d calls, %s; unanswered %d, wrong answers %d%n", calls.get(), perKind,
                unanswered.size(), wrong.size());
        wrong.forEach(answer -> System.out.println("  wrong: " + answer));
        assertThat(calls.get()).as("calls made").isGreaterThan(1_000);
        assertThat(unanswered).as("calls not answered within %s", ANSWER_WITHIN).isEmpty();
        assertThat(wrong).as("calls answered with neither their normal answer nor 503 \"500\"").isEmpty();
    }

    /** One of the mixed operations, drawn at random, on a replica drawn at random for each call. */
    private void oneRound(int client, String gatewayKey) throws Exception {
        switch (ThreadLocalRandom.current().nextInt(5)) {
            case 0 -> workspaceLife(client, true);
            case 1 -> workspaceLife(client, false);
            case 2 -> keyOperations(client);
            case 3 -> {
                call("gateway", Set.of(200), gatewayRequest(gatewayKey));
                call("gateway", Set.of(401), gatewayRequest("NOT-A-KEY-" + client));
            }
            default -> call("journal", Set.of(200), admin("GET", "/mock/requests?limit=20", null));
        }
    }

    private void workspaceLife(int client, boolean contractTesting) throws Exception {
        JsonNode made = call("workspace", Set.of(201), admin("POST", "/mock/workspaces",
                "{\"name\": \"stress-" + client + "\", \"contractTesting\": " + contractTesting + ", \"ttlSeconds\": 600}"));
        if (made == null) {
            return;
        }
        JsonNode workspace = made.path("workspace");
        String prefix = "/workspaces/" + workspace.path("workspaceId").asText();
        NcpCredentials credentials = new NcpCredentials(workspace.path("accessKey").asText(), workspace.path("secretKey").asText());
        String keyId = "strs" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        String state = "{\"state\": \"an API key exists\", \"params\": {\"apiKeyId\": \"" + keyId + "\"}}";
        call("provider-state", Set.of(200), plain("POST", prefix + "/mock/provider-states", state));
        if (contractTesting) {
            call("prefixed", Set.of(200), request(prefix + "/api/v1/api-keys/" + keyId).GET()
                    .header(NcpHeaders.TIMESTAMP, "1700000000000").header(NcpHeaders.ACCESS_KEY, "RECORDED").header(NcpHeaders.SIGNATURE, "recorded"));
            call("provider-state", Set.of(200), plain("POST", prefix + "/mock/provider-states",
                    "{\"state\": \"an API key exists\", \"action\": \"teardown\", \"params\": {\"apiKeyId\": \"" + keyId + "\"}}"));
        } else {
            call("prefixed", Set.of(200), signed(credentials, "GET", prefix + "/api/v1/api-keys/" + keyId, null));
            call("by-access-key", Set.of(201), signed(credentials, "POST", "/api/v1/api-keys", "{\"apiKeyName\": \"by-access-key\"}"));
            call("prefixed", Set.of(200), plain("POST", prefix + "/mock/reset", null));
        }
        call("journal", Set.of(200), plain("GET", prefix + "/mock/requests", null));
        call("workspace", Set.of(204), admin("DELETE", "/mock/workspaces/" + workspace.path("workspaceId").asText(), null));
    }

    private void keyOperations(int client) throws Exception {
        JsonNode made = call("keys", Set.of(201), signed(TENANT, "POST", "/api/v1/api-keys", "{\"apiKeyName\": \"stress-" + client + "\"}"));
        if (made == null) {
            return;
        }
        String id = made.path("apiKey").path("apiKeyId").asText();
        call("keys", Set.of(200), signed(TENANT, "PATCH", "/api/v1/api-keys/" + id, "{\"keyType\": \"SECONDARY\"}"));
        call("keys", Set.of(204), signed(TENANT, "DELETE", "/api/v1/api-keys/" + id, null));
    }

    /** The configured tenant's key, subscribed to the seeded PUBLIC product: the gateway admits it. */
    private String admittedGatewayKey() throws Exception {
        JsonNode made = call("set-up", Set.of(201), signed(TENANT, "POST", "/api/v1/api-keys", "{\"apiKeyName\": \"gateway\"}"));
        assertThat(made).as("the gateway key: %s", wrong).isNotNull();
        String id = made.path("apiKey").path("apiKeyId").asText();
        call("set-up", Set.of(200), signed(TENANT, "POST", "/api/v1/api-keys/" + id + "/subscribe", "{\"productId\": \"strsprod01\"}"));
        String key = made.path("apiKey").path("primaryKey").asText();
        call("set-up", Set.of(200), gatewayRequest(key));
        assertThat(wrong).as("the set-up").isEmpty();
        return key;
    }

    /**
     * Sends one call and files its answer: the parsed body when the status is one of {@code normal} (null for
     * none), else null, with a silence or a wrong answer written down.
     */
    private JsonNode call(String kind, Set<Integer> normal, HttpRequest.Builder request) throws Exception {
        HttpRequest built = request.timeout(ANSWER_WITHIN).build();
        calls.incrementAndGet();
        perKind.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        HttpResponse<String> answer;
        try {
            answer = http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException silence) {
            unanswered.add(built.method() + " " + built.uri());
            return null;
        }
        if (normal.contains(answer.statusCode())) {
            return answer.body().isEmpty() ? null : JSON.readTree(answer.body());
        }
        boolean storeBusy = answer.statusCode() == 503 && answer.body().contains("\"errorCode\":\"500\"");
        if (!storeBusy) {
            wrong.add(built.method() + " " + built.uri() + " -> " + answer.statusCode() + " " + answer.body());
        }
        return null;
    }

    private HttpRequest.Builder request(String path) {
        PackagedMock replica = replicas[ThreadLocalRandom.current().nextInt(replicas.length)];
        return HttpRequest.newBuilder(URI.create(replica.url() + path));
    }

    private HttpRequest.Builder plain(String method, String path, String json) {
        HttpRequest.Builder request = request(path).method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return json == null ? request : request.header("Content-Type", "application/json");
    }

    private HttpRequest.Builder admin(String method, String path, String json) {
        return plain(method, path, json).header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    private HttpRequest.Builder signed(NcpCredentials credentials, String method, String path, String json) {
        String timestamp = Long.toString(System.currentTimeMillis());
        return plain(method, path, json).header(NcpHeaders.TIMESTAMP, timestamp).header(NcpHeaders.ACCESS_KEY, credentials.accessKey())
                .header(NcpHeaders.SIGNATURE, new NcpSigner(credentials).sign(method, path, timestamp));
    }

    private HttpRequest.Builder gatewayRequest(String key) {
        return request("/gateway/strs000001/stress/v1/now").GET().header("x-ncp-apigw-api-key", key);
    }
}
