package dev.contractkit.ncp.server.workspace;

import static dev.contractkit.ncp.server.NcpEnvelope.assertEnvelope;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.server.SignedRequests;
import dev.contractkit.ncp.server.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A shared mock bounds what one tenant can make it hold or do, and answers every limit in NCP's envelope with
 * the tenant's data untouched (the test profile's limits: 400 keys a tenant, seeds of 50 entries and 16 KB, and
 * the default 1 day of idle time); an operator lists the live workspaces and purges the idle ones.
 */
@QuarkusTest
class SharedMockLimitsTest {
    @Inject
    TestClock clock;

    SignedRequests tenantB;
    final List<String> made = new ArrayList<>();

    @BeforeEach
    void start() {
        tenantB = SignedRequests.as(SignedRequests.TENANT_B, clock);
    }

    @AfterEach
    void cleanUp() {
        clock.reset();
        made.forEach(id -> given().contentType("application/json").delete("/mock/workspaces/" + id));
        given().contentType("application/json").post("/mock/reset").then().statusCode(200);
    }

    private int workspaceCount() {
        return given().get("/mock/workspaces").then().statusCode(200).extract().jsonPath().getInt("total");
    }

    private String made(String body) {
        String id = given().contentType("application/json").body(body).post("/mock/workspaces").then().statusCode(201).extract().jsonPath()
                .getString("workspace.workspaceId");
        made.add(id);
        return id;
    }

    private static String keys(int count, String extra) {
        return IntStream.range(0, count).mapToObj(i -> "{\"apiKeyName\": \"k" + i + "\"" + extra + "}").collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void aSeedLargerThanItsLimitIsRefusedUnreadAndNothingIsMade() {
        int before = workspaceCount();
        String big = "{\"seed\": " + keys(10, ", \"apiKeyDescription\": \"" + "d".repeat(40) + "\"") + ", \"name\": \"" + "n".repeat(30) + "\""
                + ", \"contractTesting\": false, \"ttlSeconds\": 600, \"padding\": \"" + "x".repeat(40_000) + "\"}";
        assertThat(assertEnvelope(given().contentType("application/json").body(big).post("/mock/workspaces"), 413, "430"))
                .contains("ncp.mock.workspace-seed-bytes");
        String bigSeed = "{\"seed\": {\"apiKeys\": [{\"apiKeyName\": \"big\"}], \"products\": ["
                + IntStream.range(0, 40).mapToObj(i -> "{\"productId\": \"p" + i + "\", \"productName\": \"" + "n".repeat(100)
                        + "\", \"productDescription\": \"" + "d".repeat(400) + "\", \"subscriptionCode\": \"PUBLIC\", \"invokeId\": \"i" + i + "\"}")
                        .collect(Collectors.joining(",")) + "]}}";
        assertThat(assertEnvelope(given().contentType("application/json").body(bigSeed).post("/mock/workspaces"), 413, "430"))
                .contains("ncp.mock.workspace-seed-bytes");
        assertThat(workspaceCount()).isEqualTo(before);
    }

    @Test
    void aSeedWithMoreKeysThanItsLimitIsRefused() {
        int before = workspaceCount();
        assertThat(assertEnvelope(given().contentType("application/json").body("{\"seed\": " + keys(51, "") + "}").post("/mock/workspaces"), 400, "100"))
                .contains("51 entries").contains("ncp.mock.workspace-seed-keys");
        made("{\"seed\": " + keys(50, "") + "}");
        assertThat(workspaceCount()).isEqualTo(before + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"seed\": {\"apiKeys\": [], \"junk\": \"x\"}}",
        "{\"seed\": [{\"apiKeyName\": \"k\", \"junk\": \"x\"}]}",
        "{\"seed\": {\"products\": [{\"productId\": \"p1\", \"productName\": \"P\", \"subscriptionCode\": \"PUBLIC\", \"invokeId\": \"i1\", \"junk\": 1}]}}",
        "{\"seed\": {\"products\": [{\"productId\": \"p1\", \"productName\": \"P\", \"subscriptionCode\": \"PUBLIC\", \"invokeId\": \"i1\", "
                + "\"apis\": [{\"apiId\": \"a1\", \"apiName\": \"a\", \"stages\": [{\"stageId\": \"s1\", \"stageName\": \"s\", \"junk\": true, "
                + "\"usagePlans\": [{\"usagePlanId\": \"u1\", \"usagePlanName\": \"U\"}]}]}]}]}}"})
    void aSeedWithAFieldItDoesNotKnowIsRefused(String body) {
        int before = workspaceCount();
        assertThat(assertEnvelope(given().contentType("application/json").body(body).post("/mock/workspaces"), 400, "100"))
                .contains("unknown field 'junk'");
        assertThat(workspaceCount()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"apiKeyName\": \"k\", \"apiKeyDescription\": \"%s\"}]", "[{\"apiKeyName\": \"%s\"}]", "[{\"apiKeyName\": 7}]"})
    void aSeedKeyIsCheckedAsTheApiChecksAKey(String seed) {
        assertEnvelope(given().contentType("application/json").body("{\"seed\": " + seed.formatted("x".repeat(51)) + "}").post("/mock/workspaces"),
                400, "100");
    }

    @Test
    void oneKeyPastTheTenantsLimitIsRefusedWith429AndTheTenantsKeysStayAsTheyWere() {
        // a workspace is a tenant of its own, starting from the 3 seed keys; the test profile's limit is 400
        JsonPath workspace = given().contentType("application/json").body("{}").post("/mock/workspaces").then().statusCode(201)
                .extract().jsonPath();
        made.add(workspace.getString("workspace.workspaceId"));
        SignedRequests full = SignedRequests.as(new dev.contractkit.ncp.signature.NcpCredentials(workspace.getString("workspace.accessKey"),
                workspace.getString("workspace.secretKey")), clock);
        for (int i = 3; i < 400; i++) {
            full.create("k" + i, "").then().statusCode(201);
        }
        List<String> before = full.send("GET", "/api/v1/api-keys?limit=1000").then().statusCode(200).extract().jsonPath().getList("apiKeys.apiKeyId");
        assertThat(before).hasSize(400);
        assertThat(assertEnvelope(full.create("one-too-many", ""), 429, "400")).contains("ncp.mock.tenant-max-keys");
        assertThat(full.send("GET", "/api/v1/api-keys?limit=1000").then().statusCode(200).extract().jsonPath().getList("apiKeys.apiKeyId"))
                .isEqualTo(before);
        // another tenant is not held back
        tenantB.create("still-fine", "").then().statusCode(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/api-keys?limit=1001", "/api/v1/api-keys?offset=0&limit=99999999999999999999", "/api/v1/products?limit=1001",
        "/api/v1/api-keys/seedweb001/products?limit=1001", "/api/v1/api-keys?limit=%2B1001"})
    void aPageLargerThanTheMaximumIsRefused(String pathAndQuery) {
        assertThat(assertEnvelope(tenantB.send("GET", pathAndQuery), 400, "100")).contains("limit must be at most 1000");
    }

    @Test
    void aPageOfTheMaximumIsServed() {
        tenantB.send("GET", "/api/v1/api-keys?limit=1000").then().statusCode(200);
        tenantB.send("GET", "/api/v1/api-keys?limit=0001000").then().statusCode(200);
    }

    @Test
    void anIdleTimeAboveTheCapIsRefusedAndNothingIsMade() {
        int before = workspaceCount();
        assertThat(assertEnvelope(given().contentType("application/json").body("{\"ttlSeconds\": 86401}").post("/mock/workspaces"), 400, "100"))
                .contains("ncp.mock.workspace-max-ttl").contains("86400");
        assertThat(workspaceCount()).isEqualTo(before);
        made("{\"ttlSeconds\": 86400}");
    }

    @Test
    void anOperatorSeesEveryLiveWorkspaceWithoutSecretsAndPurgesTheIdleOnes() {
        String idle = made("{\"name\": \"idle\", \"ttlSeconds\": 7200}");
        JsonPath busy = given().contentType("application/json").body("{\"name\": \"busy\", \"ttlSeconds\": 7200}").post("/mock/workspaces").then().statusCode(201)
                .extract().jsonPath();
        String busyId = busy.getString("workspace.workspaceId");
        made.add(busyId);
        SignedRequests.as(new dev.contractkit.ncp.signature.NcpCredentials(busy.getString("workspace.accessKey"), busy.getString("workspace.secretKey")),
                clock).create("one-more", "").then().statusCode(201);

        String listed = given().get("/mock/workspaces").then().statusCode(200).extract().asString();
        assertThat(listed).doesNotContain("secretKey").doesNotContain(busy.getString("workspace.secretKey"));
        JsonPath list = JsonPath.from(listed);
        assertThat(list.getList("workspaces.workspaceId", String.class)).contains(idle, busyId);
        assertThat(list.getInt("workspaces.find { it.workspaceId == '" + busyId + "' }.keyCount")).isEqualTo(4);
        assertThat(list.getString("workspaces.find { it.workspaceId == '" + idle + "' }.lastUsedAt")).isNotBlank();
        assertThat(list.getString("workspaces.find { it.workspaceId == '" + idle + "' }.createdAt")).isNotBlank();

        clock.advance(Duration.ofMinutes(40));
        given().get("/workspaces/" + busyId + "/mock/requests").then().statusCode(200); // used: renewed
        clock.advance(Duration.ofMinutes(25));
        JsonPath purged = given().contentType("application/json").delete("/mock/workspaces?idleFor=PT1H").then().statusCode(200).extract().jsonPath();
        assertThat(purged.getList("deletedWorkspaces", String.class)).contains(idle).doesNotContain(busyId);
        given().get("/mock/workspaces/" + idle).then().statusCode(404);
        given().get("/mock/workspaces/" + busyId).then().statusCode(200);
        assertEnvelope(given().contentType("application/json").delete("/mock/workspaces?idleFor=an-hour"), 400, "100");
    }

    @Test
    void aWorkspaceFloodingTheMockIsHeldToItsShareWhileAnotherTenantIsServedAsUsual() throws Exception {
        JsonPath workspace = given().contentType("application/json").body("{}").post("/mock/workspaces").then().statusCode(201)
                .extract().jsonPath();
        made.add(workspace.getString("workspace.workspaceId"));
        dev.contractkit.ncp.signature.NcpCredentials credentials = new dev.contractkit.ncp.signature.NcpCredentials(
                workspace.getString("workspace.accessKey"), workspace.getString("workspace.secretKey"));
        String path = "/api/v1/api-keys?limit=100";
        String timestamp = Long.toString(clock.millis());
        String signature = new dev.contractkit.ncp.signature.NcpSigner(credentials).sign("GET", path, timestamp);
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.net.URI uri = java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + path);
        // 600 pages of 100 keys asked at once, 21 units each: 12,600 units against a share of 1,000 a second (as many
        // in reserve) and 2 s of waiting, so about 140 are served and the rest refused
        List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> flood = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            flood.add(http.sendAsync(java.net.http.HttpRequest.newBuilder(uri).header("x-ncp-apigw-timestamp", timestamp)
                    .header("x-ncp-iam-access-key", credentials.accessKey()).header("x-ncp-apigw-signature-v2", signature).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()));
        }
        tenantB.send("GET", "/api/v1/api-keys?limit=1000").then().statusCode(200);
        List<java.net.http.HttpResponse<String>> answers = new ArrayList<>();
        for (var answer : flood) {
            answers.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
        }
        List<java.net.http.HttpResponse<String>> refused = answers.stream().filter(answer -> answer.statusCode() == 429).toList();
        assertThat(refused).as("refused past 2 s of waiting").hasSizeGreaterThan(100);
        assertThat(refused).allSatisfy(answer -> assertThat(answer.body()).contains("\"errorCode\":\"420\"").contains("ncp.mock.workspace-rate"));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isIn(200, 429));
        assertThat(answers.stream().filter(answer -> answer.statusCode() == 200).count()).as("served within its share").isGreaterThan(100);
    }

    @Test
    void failedOversizedSeedsLeaveTheHeapWhereItWas() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        String oversized = "{\"seed\": [" + IntStream.range(0, 40_000).mapToObj(i -> "{\"apiKeyName\": \"k" + i + "\"}").collect(Collectors.joining(","))
                + "]}";
        for (int i = 0; i < 3; i++) {
            given().contentType("application/json").body(oversized).post("/mock/workspaces").then().statusCode(413);
        }
        long before = usedAfterGc(memory);
        for (int i = 0; i < 30; i++) {
            given().contentType("application/json").body(oversized).post("/mock/workspaces").then().statusCode(413);
        }
        long after = usedAfterGc(memory);
        assertThat(after - before).as("heap growth in bytes after 30 refused seeds of %d bytes", oversized.length()).isLessThan(10L * 1024 * 1024);
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
