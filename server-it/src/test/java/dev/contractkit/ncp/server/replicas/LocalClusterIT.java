package dev.contractkit.ncp.server.replicas;

import dev.contractkit.ncp.server.ui.BrowserTests;
import dev.contractkit.ncp.testsupport.TempFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.testsupport.RotationRehearsal;
import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.testsupport.ChildProcess;
import dev.contractkit.ncp.testsupport.FreePort;
import dev.contractkit.ncp.testsupport.RedisBinary;
import dev.contractkit.ncp.testsupport.SignedHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * {@code deploy/local-cluster.sh up}, as the README runs it: Redis, two replicas and nginx round-robin. The
 * whole API, as a frontend meets it, through nginx: every call may land on either replica and the answers
 * are those of one NCP; a replica that dies is skipped; {@code down} stops everything. Needs nginx, which
 * {@code ./run-tests} installs when missing; {@code -Dlocal-cluster.skip=true} ({@code SKIP_LOCAL_CLUSTER=1 ./run-tests}) skips it.
 */
@DisabledIfSystemProperty(named = "local-cluster.skip", matches = "true")
class LocalClusterIT {
    private static final NcpCredentials DEFAULT = new NcpCredentials("MOCKACCESSKEY0000001", "MOCKSECRETKEY000000000000000000000000001");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Map<String, String> env;
    private static int nginxPort;
    private static int[] replicaPorts;
    private static Path runDir;

    @BeforeAll
    static void up() throws Exception {
        nginxPort = FreePort.find();
        replicaPorts = new int[] {FreePort.find(), FreePort.find()};
        runDir = TempFiles.folder("ncp-local-cluster");
        env = Map.of("REDIS_SERVER", RedisBinary.path().toString(),
                "CLUSTER_PORT", Integer.toString(nginxPort),
                "REPLICA_PORTS", replicaPorts[0] + " " + replicaPorts[1],
                "REDIS_PORT", Integer.toString(FreePort.find()),
                "RUN_DIR", runDir.toString(),
                "NCP_MOCK_APP", Path.of(System.getProperty("ncp.server.app", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath().toString());
        assertThat(script("up")).as("local-cluster.sh up").isZero();
    }

    @AfterAll
    static void down() throws Exception {
        assertThat(script("down")).isZero();
        assertThat(script("status")).as("status after down").isNotZero();
    }

    @Test
    void theWholeApiBehavesAsOneNcpThroughNginx() throws Exception {
        // reads and writes alternate between the replicas (round-robin): each step sees the one before
        JsonNode created = json("POST", "/api/v1/api-keys", "{\"apiKeyName\":\"via-nginx\",\"apiKeyDescription\":\"d\"}", 201).path("apiKey");
        String id = created.path("apiKeyId").asText();
        for (int i = 0; i < 4; i++) {
            assertThat(json("GET", "/api/v1/api-keys/" + id, null, 200).path("primaryKey").asText()).isEqualTo(created.path("primaryKey").asText());
        }
        JsonNode primary = json("PATCH", "/api/v1/api-keys/" + id, "{\"keyType\":\"PRIMARY\"}", 200).path("apiKey");
        JsonNode secondary = json("PATCH", "/api/v1/api-keys/" + id, "{\"keyType\":\"SECONDARY\"}", 200).path("apiKey");
        assertThat(secondary.path("primaryKey").asText()).isEqualTo(primary.path("primaryKey").asText());
        json("PUT", "/api/v1/api-keys/" + id, "{\"apiKeyName\":\"renamed\",\"isEnabled\":false}", 200);
        JsonNode list = json("GET", "/api/v1/api-keys?offset=0&limit=10&apiKeyName=renamed", null, 200);
        assertThat(list.path("total").asLong()).isEqualTo(1);
        assertThat(list.at("/apiKeys/0/isEnabled").asBoolean(true)).isFalse();
        assertThat(list.at("/apiKeys/0/secondaryKey").asText()).isEqualTo(secondary.path("secondaryKey").asText());
        // NCP's errors, unchanged by the proxy
        assertThat(json("PATCH", "/api/v1/api-keys/" + id, "{\"keyType\":\"TERTIARY\"}", 400).at("/error/errorCode").asText()).isEqualTo("100");
        assertThat(send("GET", "/api/v1//api-keys/" + id, null, "WRONGSECRET").statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/v1//api-keys/" + id, null, null).statusCode()).as("the double slash passes as sent, signed").isEqualTo(200);
        assertThat(send("DELETE", "/api/v1/api-keys/" + id, null, null).statusCode()).isEqualTo(204);
        for (int i = 0; i < 4; i++) {
            assertThat(json("GET", "/api/v1/api-keys/" + id, null, 404).at("/error/errorCode").asText()).isEqualTo("300");
        }
        // both replicas answered: each of them sees the whole state
        Set<Integer> replicasSeen = new HashSet<>();
        for (int port : replicaPorts) {
            HttpResponse<String> direct = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (direct.statusCode() == 200) {
                replicasSeen.add(port);
            }
        }
        assertThat(replicasSeen).hasSize(2);
        assertThat(json("GET", "/api/v1/api-keys?limit=100", null, 200).path("total").asLong()).isEqualTo(3);
    }

    @Test
    void aKeyRotatedThroughNginxIsRefusedOnBothReplicasAtOnceWhileAWellBehavedClientSeesNoRefusal() throws Exception {
        JsonNode key = json("POST", "/api/v1/api-keys", "{\"apiKeyName\":\"rotated-via-nginx\"}", 201).path("apiKey");
        String id = key.path("apiKeyId").asText();
        try {
            json("POST", "/api/v1/api-keys/" + id + "/subscribe", "{\"productId\":\"prodpub001\"}", 200);
            assertThat(send("PUT", "/api/v1/products/prodpub001/api-keys/" + id + "/stages/stgobsprd1", "{\"usagePlanId\":\"planunlim1\"}", null)
                    .statusCode()).isEqualTo(204);
            String path = "/gateway/wthr7k2m4q/weather-observations/prod/now";
            RotationRehearsal.Gateway viaNginx = value -> gateway(nginxPort, path, value);
            // each replica directly: the answer only when both agree
            RotationRehearsal.Gateway onBoth = value -> {
                int first = gateway(replicaPorts[0], path, value);
                return first == gateway(replicaPorts[1], path, value) ? first : -1;
            };
            int calls = RotationRehearsal.run(key.path("primaryKey").asText(), key.path("secondaryKey").asText(), viaNginx, onBoth,
                    keyType -> json("PATCH", "/api/v1/api-keys/" + id, "{\"keyType\":\"" + keyType + "\"}", 200)
                            .path("apiKey").path(keyType.equals("PRIMARY") ? "primaryKey" : "secondaryKey").asText());
            assertThat(calls).isGreaterThanOrEqualTo(20);
        } finally {
            send("DELETE", "/api/v1/api-keys/" + id, null, null);
        }
    }

    @Test
    void theSharedMocksAdminRoutesTakeTheTokenTheScriptDrewAndWorkspacesAreReachedThroughNginx() throws Exception {
        Path tokenFile = runDir.resolve("admin-token");
        assertThat(Files.getPosixFilePermissions(tokenFile)).as("readable by its owner alone")
                .containsOnly(java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        String token = Files.readString(tokenFile).trim();
        assertThat(token).hasSizeGreaterThanOrEqualTo(32);
        URI workspaces = URI.create("http://127.0.0.1:" + nginxPort + "/mock/workspaces");
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(workspaces).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(refused.body()).at("/error/errorCode").asText()).isEqualTo("200");

        HttpResponse<String> made = HTTP.send(HttpRequest.newBuilder(workspaces).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode workspace = JSON.readTree(made.body()).path("workspace");
        assertThat(workspace.path("baseUrl").asText()).isEqualTo("http://127.0.0.1:" + nginxPort + "/workspaces/" + workspace.path("workspaceId").asText());
        // its own prefix, through nginx, with no token
        HttpResponse<String> journal = HTTP.send(HttpRequest.newBuilder(URI.create(workspace.path("baseUrl").asText() + "/mock/requests")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(journal.statusCode()).as(journal.body()).isEqualTo(200);
        HttpResponse<String> deleted = HTTP.send(HttpRequest.newBuilder(URI.create(workspaces + "/" + workspace.path("workspaceId").asText()))
                .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(204);
    }

    /**
     * One journal per tenant in Redis: calls made through nginx (which spreads them over both replicas) and one made
     * to each replica directly are all listed by GET /mock/requests, whether read through nginx or from either replica.
     */
    /** The console through nginx, guarded by the script's token (the browser's Basic password): the replicas' shared state, live. */
    @Test
    void theConsoleShowsTheSharedStateLiveThroughNginx() throws Exception {
        String token = Files.readString(runDir.resolve("admin-token")).trim();
        Path screenshot = Path.of("target/console-cluster.png").toAbsolutePath();
        assertThat(BrowserTests.run("console", "http://127.0.0.1:" + nginxPort, Map.of("ADMIN_TOKEN", token, "SCREENSHOT", screenshot.toString())))
                .as("the browser test, output above").isZero();
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nginxPort + "/mock/console")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as("without the token").isEqualTo(401);
    }

    @Test
    void theJournalListsEveryCallWhicheverReplicaAnsweredOrReads() throws Exception {
        String token = Files.readString(runDir.resolve("admin-token")).trim();
        String marker = "jrnl" + Long.toString(System.nanoTime(), 36);
        List<String> paths = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            paths.add("/api/v1/api-keys?apiKeyName=" + marker + "n" + i);
            json("GET", paths.get(i), null, 200);
        }
        for (int i = 0; i < replicaPorts.length; i++) {
            String path = "/api/v1/api-keys?apiKeyName=" + marker + "r" + i;
            paths.add(path);
            assertThat(SignedHttp.send("http://127.0.0.1:" + replicaPorts[i], DEFAULT, "GET", path, null).statusCode()).isEqualTo(200);
        }
        String query = "/mock/requests?path=" + java.net.URLEncoder.encode("/api/v1/api-keys?apiKeyName=" + marker, java.nio.charset.StandardCharsets.UTF_8);
        List<Integer> readers = new java.util.ArrayList<>(List.of(nginxPort, nginxPort, nginxPort));
        for (int port : replicaPorts) {
            readers.add(port);
        }
        for (int port : readers) {
            // a replica writes its entries to Redis within milliseconds: another replica's read lists them from then on
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
                HttpResponse<String> journal = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + query))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(journal.statusCode()).as(journal.body()).isEqualTo(200);
                List<String> listed = new java.util.ArrayList<>();
                JSON.readTree(journal.body()).path("requests").forEach(entry -> listed.add(entry.path("path").asText()));
                assertThat(listed).as("read on port %d", port).containsExactlyElementsOf(paths);
            });
        }
    }

    private static int gateway(int port, String path, String key) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("x-ncp-apigw-api-key", key)
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static JsonNode json(String method, String path, String body, int status) throws Exception {
        HttpResponse<String> answer = send(method, path, body, null);
        assertThat(answer.statusCode()).as("%s %s: %s", method, path, answer.body()).isEqualTo(status);
        return JSON.readTree(answer.body());
    }

    private static HttpResponse<String> send(String method, String path, String body, String wrongSecret) throws Exception {
        NcpCredentials signing = wrongSecret == null ? DEFAULT : new NcpCredentials(DEFAULT.accessKey(), wrongSecret);
        return SignedHttp.send("http://127.0.0.1:" + nginxPort, signing, method, path, body);
    }

    private static int script(String command) throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("ncp.repo.root", "..")).resolve("deploy/local-cluster.sh").toAbsolutePath();
        return ChildProcess.run(script.getParent(), env, Duration.ofMinutes(3), List.of("bash", script.toString(), command)).exitCode();
    }
}
