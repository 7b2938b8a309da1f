package dev.contractkit.ncp.server.replicas;

import dev.contractkit.ncp.testsupport.TempFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.testsupport.RotationRehearsal;
import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.testsupport.PackagedMock;
import dev.contractkit.ncp.testsupport.SignedHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway on two packaged replicas sharing one real Redis: quotas, rates and key rotation hold across
 * replicas exactly as on one (each call is one Lua script, so no increment is lost).
 */
class GatewayReplicasIT {
    private static final NcpCredentials TENANT = new NcpCredentials("GATEACCESSKEY0000001", "GATESECRETKEY000000000000000000000000001");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Two PUBLIC products: one with a day quota of 10 and no rate limit, one with 5 calls a second and no quota. */
    private static final String SEED = """
            {"apiKeys": [],
             "products": [
               {"productId": "quotaprod1", "productName": "Quota", "subscriptionCode": "PUBLIC", "invokeId": "quota00001",
                "apis": [{"apiId": "quotaapi01", "apiName": "quota", "stages": [{"stageId": "quotastg01", "stageName": "v1",
                  "usagePlans": [{"usagePlanId": "quotaplan1", "usagePlanName": "Ten a day", "dayQuotaRequest": 10}]}]}]},
               {"productId": "rateprod01", "productName": "Rate", "subscriptionCode": "PUBLIC", "invokeId": "rate000001",
                "apis": [{"apiId": "rateapi001", "apiName": "rate", "stages": [{"stageId": "ratestg001", "stageName": "v1",
                  "usagePlans": [{"usagePlanId": "rateplan01", "usagePlanName": "Five a second", "rateRps": 5}]}]}]}]}
            """;

    private static TwoReplicas replicas;
    private static PackagedMock a;
    private static PackagedMock b;

    /** One Redis and one pair of replicas for the class: every test makes keys of its own, so none sees another's counts. */
    @BeforeAll
    static void start() throws Exception {
        Path seed = TempFiles.file("gateway-seed", ".json");
        try {
            Files.writeString(seed, SEED);
            replicas = TwoReplicas.start(TENANT, "-Dncp.mock.seed-file=" + seed);
        } finally {
            seed.toFile().deleteOnExit();
        }
        a = replicas.a();
        b = replicas.b();
    }

    @AfterAll
    static void stop() throws Exception {
        if (replicas != null) {
            replicas.close();
        }
    }

    private static JsonNode signed(PackagedMock replica, String method, String path, String body, int status) throws Exception {
        HttpResponse<String> answer = SignedHttp.send(replica.url(), TENANT, method, path, body);
        assertThat(answer.statusCode()).as("%s %s: %s", method, path, answer.body()).isEqualTo(status);
        return answer.body().isEmpty() ? null : JSON.readTree(answer.body());
    }

    private static HttpResponse<String> gateway(PackagedMock replica, String path, String key) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(replica.url() + path)).header("x-ncp-apigw-api-key", key)
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Fires the calls at once, alternating replicas; answers the statuses with their error codes ("200", "429 400"). */
    private List<String> burst(String path, String key, int calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                PackagedMock replica = i % 2 == 0 ? a : b;
                answers.add(pool.submit(() -> gateway(replica, path, key)));
            }
            List<String> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                statuses.add(response.statusCode() == 200 ? "200"
                        : response.statusCode() + " " + JSON.readTree(response.body()).path("error").path("errorCode").asText());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private JsonNode newKey(String name) throws Exception {
        return signed(a, "POST", "/api/v1/api-keys", "{\"apiKeyName\": \"" + name + "\"}", 201).path("apiKey");
    }

    @Test
    void aDayQuotaOfTenAdmitsExactlyTenCallsSpreadOverTwoReplicasAndBothShowTheCount() throws Exception {
        JsonNode key = newKey("quota-key");
        String id = key.path("apiKeyId").asText();
        signed(a, "POST", "/api/v1/api-keys/" + id + "/subscribe", "{\"productId\": \"quotaprod1\"}", 200);

        List<String> statuses = burst("/gateway/quota00001/quota/v1/x", key.path("primaryKey").asText(), 30);
        assertThat(statuses.stream().filter("200"::equals).count()).as("admitted of %s", statuses).isEqualTo(10);
        assertThat(statuses.stream().filter("429 400"::equals).count()).as("quota exceeded of %s", statuses).isEqualTo(20);

        for (PackagedMock replica : new PackagedMock[] {a, b}) {
            JsonNode row = signed(replica, "GET", "/api/v1/api-keys/" + id + "/subscription-detail?productId=quotaprod1", null, 200)
                    .path("apiKeyRelations").path("content").get(0);
            assertThat(row.path("dailyUsage").asLong()).isEqualTo(10);
            assertThat(row.path("dayCallCount").asLong()).isEqualTo(30);
            assertThat(row.path("monthlyUsage").asLong()).isEqualTo(10);
        }
    }

    @Test
    void aRateOfFiveASecondAdmitsFiveCallsOfABurstOverTwoReplicas() throws Exception {
        for (int attempt = 1; ; attempt++) {
            // a fresh key each attempt: its rate window holds only this burst's calls
            String value = newKey("rate-key-" + attempt).path("primaryKey").asText();
            Awaitility.await().pollInterval(Duration.ofMillis(5)).until(() -> System.currentTimeMillis() % 1000 < 100);
            long second = System.currentTimeMillis() / 1000;
            List<String> statuses = burst("/gateway/rate000001/rate/v1/x", value, 12);
            if (System.currentTimeMillis() / 1000 != second && attempt < 5) {
                continue; // the burst straddled a second, so the window restarted mid-way: burst again
            }
            assertThat(statuses.stream().filter("200"::equals).count()).as("admitted of %s", statuses).isEqualTo(5);
            assertThat(statuses.stream().filter("429 420"::equals).count()).as("rate limited of %s", statuses).isEqualTo(7);
            return;
        }
    }

    @Test
    void aKeyRotatedOnOneReplicaIsRefusedOnTheOtherAtOnceAndAWellBehavedClientSeesNoRefusal() throws Exception {
        JsonNode key = newKey("rotated-key");
        String id = key.path("apiKeyId").asText();
        // the rate product (no quota): the client calls on replica b, the key is regenerated on replica a
        String rotationPath = "/gateway/rate000001/rate/v1/x";
        RotationRehearsal.Gateway client = value -> {
            HttpResponse<String> answer;
            do { // the well-behaved client keeps to the published rate: a 420 is retried, never a refusal of its key
                answer = gateway(b, rotationPath, value);
            } while (answer.statusCode() == 429);
            return answer.statusCode();
        };
        int calls = RotationRehearsal.run(key.path("primaryKey").asText(), key.path("secondaryKey").asText(), client, client,
                keyType -> signed(a, "PATCH", "/api/v1/api-keys/" + id, "{\"keyType\": \"" + keyType + "\"}", 200)
                        .path("apiKey").path(keyType.equals("PRIMARY") ? "primaryKey" : "secondaryKey").asText());
        assertThat(calls).isGreaterThanOrEqualTo(20);
        assertThat(gateway(a, rotationPath, key.path("primaryKey").asText()).statusCode()).isEqualTo(401);
    }
}
