package dev.contractkit.ncp.server.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.testsupport.PackagedMock;
import dev.contractkit.ncp.testsupport.SignedHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Workspaces on two packaged replicas sharing one real Redis: made on one, used on the other at once; gone everywhere once deleted. */
class WorkspaceReplicasIT {
    private static final String ADMIN_TOKEN = "replicas-admin-token-9e4b27c1d03f58a6";
    private static final NcpCredentials TENANT = new NcpCredentials("WREPACCESSKEY0000001", "WREPSECRETKEY000000000000000000000000001");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static TwoReplicas replicas;
    private static PackagedMock a;
    private static PackagedMock b;

    /** One Redis and one pair of replicas for the class; each test starts with no workspace and the seeded tenant. */
    @BeforeAll
    static void start() throws Exception {
        replicas = TwoReplicas.start(TENANT, "-Dncp.mock.admin-token=" + ADMIN_TOKEN);
        a = replicas.a();
        b = replicas.b();
    }

    @BeforeEach
    void noWorkspaceAndTheSeed() throws Exception {
        assertThat(plain(a, "DELETE", "/mock/workspaces?idleFor=PT0S", null).statusCode()).isEqualTo(200);
        assertThat(plain(b, "POST", "/mock/reset", null).statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() throws Exception {
        if (replicas != null) {
            replicas.close();
        }
    }

    /** A call of the team's pipeline: the admin token on the shared mock's own routes, none under a workspace's prefix. */
    private static HttpResponse<String> plain(PackagedMock replica, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(replica.url() + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (path.startsWith("/mock/")) {
            request.header("Authorization", "Bearer " + ADMIN_TOKEN);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aWorkspaceMadeOnOneReplicaWorksOnTheOtherAtOnceAndIsGoneEverywhereOnceDeleted() throws Exception {
        String seed = """
                {"seed": {"apiKeys": [{"apiKeyId": "repkey0001", "apiKeyName": "replicated"}],
                  "products": [{"productId": "repprod001", "productName": "Replicated", "subscriptionCode": "PUBLIC", "invokeId": "rep0000001",
                    "apis": [{"apiId": "repapi0001", "apiName": "rep", "stages": [{"stageId": "repstage01", "stageName": "v1",
                      "usagePlans": [{"usagePlanId": "repplan001", "usagePlanName": "Rep"}]}]}]}]}}
                """;
        HttpResponse<String> created = plain(a, "POST", "/mock/workspaces", seed);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode workspace = JSON.readTree(created.body()).path("workspace");
        String id = workspace.path("workspaceId").asText();
        NcpCredentials credentials = new NcpCredentials(workspace.path("accessKey").asText(), workspace.path("secretKey").asText());
        String prefix = "/workspaces/" + id;

        // on replica b: its credentials, its prefix, its own products
        HttpResponse<String> list = SignedHttp.send(b.url(), credentials, "GET", "/api/v1/api-keys", null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(JSON.readTree(list.body()).at("/apiKeys/0/apiKeyId").asText()).isEqualTo("repkey0001");
        assertThat(SignedHttp.send(b.url(), credentials, "GET", prefix + "/api/v1/products", null).body()).contains("repprod001");
        // provider states under the prefix on a, seen through the prefix on b
        assertThat(plain(a, "POST", prefix + "/mock/provider-states",
                "{\"state\": \"an API key exists\", \"params\": {\"apiKeyId\": \"statekey01\"}}").statusCode()).isEqualTo(200);
        assertThat(SignedHttp.send(b.url(), credentials, "GET", prefix + "/api/v1/api-keys/statekey01", null).statusCode()).isEqualTo(200);
        assertThat(SignedHttp.send(b.url(), TENANT, "GET", "/api/v1/api-keys/statekey01", null).statusCode())
                .as("the configured tenant does not see it").isEqualTo(404);

        assertThat(plain(a, "DELETE", "/mock/workspaces/" + id, null).statusCode()).isEqualTo(204);
        HttpResponse<String> afterDelete = SignedHttp.send(b.url(), credentials, "GET", "/api/v1/api-keys", null);
        assertThat(afterDelete.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(afterDelete.body()).at("/error/errorCode").asText()).isEqualTo("200");
        HttpResponse<String> prefixAfterDelete = plain(b, "POST", prefix + "/mock/reset", null);
        assertThat(prefixAfterDelete.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(prefixAfterDelete.body()).at("/error/errorCode").asText()).isEqualTo("300");
        assertThat(plain(b, "GET", "/mock/workspaces/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void theOperatorsListAndPurgeSeeEveryReplicasWorkspaces() throws Exception {
        HttpResponse<String> created = plain(a, "POST", "/mock/workspaces", "{\"name\": \"listed\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode workspace = JSON.readTree(created.body()).path("workspace");
        String id = workspace.path("workspaceId").asText();
        NcpCredentials credentials = new NcpCredentials(workspace.path("accessKey").asText(), workspace.path("secretKey").asText());
        assertThat(SignedHttp.send(a.url(), credentials, "POST", "/api/v1/api-keys", "{\"apiKeyName\": \"fourth\"}").statusCode()).isEqualTo(201);

        HttpResponse<String> listed = plain(b, "GET", "/mock/workspaces", null);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(credentials.secretKey());
        JsonNode entry = JSON.readTree(listed.body()).path("workspaces").get(0);
        assertThat(entry.path("workspaceId").asText()).isEqualTo(id);
        assertThat(entry.path("keyCount").asInt()).isEqualTo(4);

        HttpResponse<String> kept = plain(b, "DELETE", "/mock/workspaces?idleFor=PT1H", null);
        assertThat(JSON.readTree(kept.body()).path("total").asInt()).as(kept.body()).isZero();
        HttpResponse<String> purged = plain(b, "DELETE", "/mock/workspaces?idleFor=PT0S", null);
        assertThat(JSON.readTree(purged.body()).path("deletedWorkspaces").get(0).asText()).as(purged.body()).isEqualTo(id);
        assertThat(plain(a, "GET", "/mock/workspaces/" + id, null).statusCode()).isEqualTo(404);
        assertThat(SignedHttp.send(a.url(), credentials, "GET", "/api/v1/api-keys", null).statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(plain(a, "GET", "/mock/workspaces", null).body()).path("total").asInt()).isZero();
    }

    /** A pact verifier's loop in a contract-testing workspace on one replica: state, replayed request, check. */
    private static Void verifierLoop(PackagedMock replica, String prefix, String tag) throws Exception {
        for (int i = 0; i < 20; i++) {
            String keyId = tag + String.format("%07d", i);
            HttpResponse<String> state = plain(replica, "POST", prefix + "/mock/provider-states",
                    "{\"state\": \"an API key exists\", \"params\": {\"apiKeyId\": \"" + keyId + "\"}}");
            assertThat(state.statusCode()).as(state.body()).isEqualTo(200);
            HttpResponse<String> replayed = HTTP.send(HttpRequest.newBuilder(URI.create(replica.url() + prefix + "/api/v1/api-keys?limit=100"))
                    .header("x-ncp-apigw-timestamp", "1700000000000").header("x-ncp-iam-access-key", "RECORDED").header("x-ncp-apigw-signature-v2", "recorded")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(replayed.body());
            assertThat(page.path("total").asLong()).as("the seed and this interaction's key, nothing of the other verifier's").isEqualTo(4);
            assertThat(replayed.body()).contains(keyId);
        }
        return null;
    }

    @Test
    void twoVerifiersOnTwoReplicasInTwoWorkspacesAndASignedClientNeverTouchEachOther() throws Exception {
        String one = "/workspaces/" + JSON.readTree(plain(a, "POST", "/mock/workspaces", "{\"contractTesting\": true}").body()).at("/workspace/workspaceId").asText();
        String two = "/workspaces/" + JSON.readTree(plain(b, "POST", "/mock/workspaces", "{\"contractTesting\": true}").body()).at("/workspace/workspaceId").asText();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Void> first = pool.submit(() -> verifierLoop(a, one, "one"));
            Future<Void> second = pool.submit(() -> verifierLoop(b, two, "two"));
            int signed = 0;
            while (!(first.isDone() && second.isDone())) {
                HttpResponse<String> created = SignedHttp.send((signed % 2 == 0 ? a : b).url(), TENANT, "POST", "/api/v1/api-keys",
                        "{\"apiKeyName\": \"signed-" + signed + "\"}");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                signed++;
            }
            first.get();
            second.get();
            JsonNode mine = JSON.readTree(SignedHttp.send(a.url(), TENANT, "GET", "/api/v1/api-keys?limit=1000", null).body());
            assertThat(mine.path("total").asLong()).isEqualTo(3 + signed);
        } finally {
            pool.shutdownNow();
        }
    }
}
