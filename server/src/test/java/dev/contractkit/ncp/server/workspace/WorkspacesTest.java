package dev.contractkit.ncp.server.workspace;

import static dev.contractkit.ncp.server.NcpEnvelope.assertEnvelope;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.server.SignedRequests;
import dev.contractkit.ncp.server.TestClock;
import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.signature.NcpHeaders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Workspaces on one mock: each a tenant of its own, by its credentials or under its prefix, scoped admin, expiry. */
@QuarkusTest
class WorkspacesTest {
    @Inject
    TestClock clock;

    SignedRequests tenantA;
    final List<String> made = new ArrayList<>();

    /** A workspace as POST /mock/workspaces answered it. */
    record Made(String id, NcpCredentials credentials, String baseUrl, JsonPath answer) {
        String prefix() {
            return "/workspaces/" + id;
        }
    }

    @BeforeEach
    void start() {
        tenantA = SignedRequests.as(SignedRequests.TENANT_A, clock);
    }

    @AfterEach
    void dropWorkspaces() {
        clock.reset();
        made.forEach(id -> given().contentType("application/json").delete("/mock/workspaces/" + id));
    }

    private Made workspace(String body) {
        JsonPath answer = given().contentType("application/json").body(body).post("/mock/workspaces").then().statusCode(201)
                .extract().jsonPath();
        String id = answer.getString("workspace.workspaceId");
        made.add(id);
        return new Made(id, new NcpCredentials(answer.getString("workspace.accessKey"), answer.getString("workspace.secretKey")),
                answer.getString("workspace.baseUrl"), answer);
    }

    private SignedRequests as(Made workspace) {
        return SignedRequests.as(workspace.credentials(), clock);
    }

    private static List<String> ids(Response list) {
        return list.then().log().ifValidationFails().statusCode(200).extract().jsonPath().getList("apiKeys.apiKeyId");
    }

    @Test
    void aWorkspaceIsATenantOfItsOwnWithCredentialsThatSignTheNcpWay() {
        Made workspace = workspace("{\"name\": \"ci-run-42\"}");
        assertThat(workspace.id()).matches("[a-z0-9]{10}");
        assertThat(workspace.credentials().accessKey()).matches("WS[A-Z0-9]{18}");
        assertThat(workspace.credentials().secretKey()).hasSize(40);
        assertThat(workspace.baseUrl()).endsWith("/workspaces/" + workspace.id());
        assertThat(workspace.answer().getBoolean("workspace.contractTesting")).isFalse();
        assertThat(workspace.answer().getString("workspace.name")).isEqualTo("ci-run-42");
        given().get("/mock/workspaces/" + workspace.id()).then().statusCode(200).extract().jsonPath().getString("workspace.accessKey")
                .equals(workspace.credentials().accessKey());

        SignedRequests mine = as(workspace);
        assertThat(ids(mine.send("GET", "/api/v1/api-keys"))).containsExactly("seedweb001", "seedmob002", "seedold003");
        assertThat(mine.get("seedweb001").jsonPath().getString("primaryKey"))
                .isNotEqualTo(tenantA.get("seedweb001").jsonPath().getString("primaryKey"));
        String created = mine.createdId("only-in-workspace");
        assertEnvelope(tenantA.get(created), 404, "300");
        // under its prefix, signed over the path as sent
        assertThat(ids(mine.send("GET", workspace.prefix() + "/api/v1/api-keys"))).contains(created);
        Response signedWithoutPrefix = mine.signed("GET", "/api/v1/api-keys").get(workspace.prefix() + "/api/v1/api-keys");
        assertEnvelope(signedWithoutPrefix, 401, "200");
        // another tenant's credentials do not open the workspace's prefix
        assertEnvelope(tenantA.send("GET", workspace.prefix() + "/api/v1/api-keys"), 401, "200");
    }

    @Test
    void resetJournalAndProviderStatesUnderAPrefixActOnThatWorkspaceAlone() {
        Made one = workspace("{}");
        Made two = workspace("{}");
        String keptByA = tenantA.createdId("kept-by-a");
        String inOne = as(one).createdId("in-one");
        String inTwo = as(two).createdId("in-two");
        given().contentType("application/json").delete(one.prefix() + "/mock/requests").then().statusCode(204);

        given().contentType("application/json").post(one.prefix() + "/mock/reset").then().statusCode(200);
        assertEnvelope(as(one).get(inOne), 404, "300");
        as(two).get(inTwo).then().statusCode(200);
        tenantA.get(keptByA).then().statusCode(200);

        given().contentType("application/json").body("{\"state\": \"an API key exists\", \"params\": {\"apiKeyId\": \"statekey01\"}}")
                .post(two.prefix() + "/mock/provider-states").then().statusCode(200);
        as(two).get("statekey01").then().statusCode(200);
        assertEnvelope(as(two).get(inTwo), 404, "300");
        assertEnvelope(as(one).get("statekey01"), 404, "300");
        tenantA.get(keptByA).then().statusCode(200);

        as(one).send("GET", one.prefix() + "/api/v1/api-keys/seedweb001").then().statusCode(200);
        List<Map<String, Object>> journal = given().get(one.prefix() + "/mock/requests").then().statusCode(200).extract().jsonPath().getList("requests");
        assertThat(journal).extracting(entry -> entry.get("workspaceId")).containsOnly(one.id());
        assertThat(journal).extracting(entry -> entry.get("path")).contains(one.prefix() + "/api/v1/api-keys/seedweb001");
        List<Map<String, Object>> global = given().get("/mock/requests").then().statusCode(200).extract().jsonPath().getList("requests");
        assertThat(global).extracting(entry -> entry.get("workspaceId")).containsOnlyNulls();
        tenantA.send("POST", "/mock/reset");
        as(two).get("statekey01").then().statusCode(200);
    }

    @Test
    void aContractTestingWorkspaceTakesReplayedPactsUnderItsPrefixOnlyWhileTheRestKeepsCheckingSignatures() {
        Made pacts = workspace("{\"contractTesting\": true}");
        assertThat(pacts.answer().getBoolean("workspace.contractTesting")).isTrue();
        given().contentType("application/json").body("{\"state\": \"an API key exists\", \"params\": {\"apiKeyId\": \"pactkey001\"}}")
                .post(pacts.prefix() + "/mock/provider-states").then().statusCode(200);
        Response replayed = given().header(NcpHeaders.TIMESTAMP, "1700000000000").header(NcpHeaders.ACCESS_KEY, "RECORDEDACCESSKEY001")
                .header(NcpHeaders.SIGNATURE, "recorded+signature+of+another+clock+and+key=").get(pacts.prefix() + "/api/v1/api-keys/pactkey001");
        replayed.then().statusCode(200);
        Response sameOutsideThePrefix = given().header(NcpHeaders.TIMESTAMP, "1700000000000").header(NcpHeaders.ACCESS_KEY, "RECORDEDACCESSKEY001")
                .header(NcpHeaders.SIGNATURE, "recorded+signature+of+another+clock+and+key=").get("/api/v1/api-keys/pactkey001");
        assertEnvelope(sameOutsideThePrefix, 401, "200");
        assertEnvelope(tenantA.get("pactkey001"), 404, "300");
        assertEnvelope(given().get(pacts.prefix() + "/api/v1/api-keys/pactkey001"), 401, "200"); // the three headers are still required
    }

    @Test
    void aDeletedOrExpiredWorkspaceIs401ForItsCredentialsAnd404ForItsPrefix() {
        Made deleted = workspace("{}");
        Made idle = workspace("{\"ttlSeconds\": 60}");
        given().contentType("application/json").delete("/mock/workspaces/" + deleted.id()).then().statusCode(204);
        assertEnvelope(as(deleted).send("GET", "/api/v1/api-keys"), 401, "200");
        assertEnvelope(as(deleted).send("GET", deleted.prefix() + "/api/v1/api-keys"), 404, "300");
        assertEnvelope(given().get("/mock/workspaces/" + deleted.id()), 404, "300");
        assertEnvelope(given().contentType("application/json").delete("/mock/workspaces/" + deleted.id()), 404, "300");

        as(idle).send("GET", "/api/v1/api-keys").then().statusCode(200);
        clock.advance(Duration.ofSeconds(45));
        as(idle).send("GET", "/api/v1/api-keys").then().statusCode(200); // used: renewed for another 60 s
        clock.advance(Duration.ofSeconds(45));
        as(idle).send("GET", "/api/v1/api-keys").then().statusCode(200);
        clock.advance(Duration.ofSeconds(61));
        assertEnvelope(as(idle).send("GET", "/api/v1/api-keys"), 401, "200");
        assertEnvelope(given().contentType("application/json").post(idle.prefix() + "/mock/reset"), 404, "300");
    }

    @Test
    void badRequestsAreRefusedWith400AndNothingIsMade() {
        for (String body : List.of("[1]", "{\"ttlSeconds\": 5}", "{\"ttlSeconds\": \"x\"}", "{\"contractTesting\": \"yes\"}", "{\"colour\": 1}",
                "{\"seed\": 7}", "{\"seed\": [{\"apiKeyName\": \"\"}]}", "not json")) {
            assertEnvelope(given().contentType("application/json").body(body).post("/mock/workspaces"), 400, "100");
        }
        assertEnvelope(given().get("/workspaces/nosuchone/api/v1/api-keys"), 404, "300");
        assertEnvelope(given().get("/workspaces/nosuchone/q/health"), 404, "300");
    }

    @Test
    void pastTheLimitOfLiveWorkspacesTheNextIsRefusedWith429UntilOneGoes() {
        Response answer = null;
        for (int i = 0; i <= 40; i++) { // the test profile's limit is 40
            answer = given().contentType("application/json").body("{}").post("/mock/workspaces");
            if (answer.statusCode() != 201) {
                break;
            }
            made.add(answer.jsonPath().getString("workspace.workspaceId"));
        }
        assertThat(assertEnvelope(answer, 429, "400")).contains("40");
        given().contentType("application/json").delete("/mock/workspaces/" + made.remove(made.size() - 1)).then().statusCode(204);
        workspace("{}");
    }

    @Test
    void aWorkspaceCanStartFromASeedOfItsOwnKeysAndProducts() {
        Made seeded = workspace("""
                {"seed": {"apiKeys": [{"apiKeyId": "ownkey0001", "apiKeyName": "own", "primaryKey": "OWNPRIMARYKEY00000000000000000000000001"}],
                  "products": [{"productId": "ownprod001", "productName": "Own", "subscriptionCode": "PUBLIC", "invokeId": "own0000001",
                    "apis": [{"apiId": "ownapi0001", "apiName": "own", "stages": [{"stageId": "ownstage01", "stageName": "v1",
                      "usagePlans": [{"usagePlanId": "ownplan001", "usagePlanName": "Own"}]}]}]}]}}
                """);
        assertThat(ids(as(seeded).send("GET", "/api/v1/api-keys"))).containsExactly("ownkey0001");
        assertThat(as(seeded).send("GET", "/api/v1/products").jsonPath().getList("productPage.content.productId")).containsExactly("ownprod001");
        // its gateway, under its prefix, with its own key
        given().header("x-ncp-apigw-api-key", "OWNPRIMARYKEY00000000000000000000000001")
                .get(seeded.prefix() + "/gateway/own0000001/own/v1/x").then().statusCode(200);
        assertEnvelope(given().header("x-ncp-apigw-api-key", "OWNPRIMARYKEY00000000000000000000000001")
                .get("/gateway/own0000001/own/v1/x"), 404, "300");
        assertThat(tenantA.send("GET", "/api/v1/products").jsonPath().getList("productPage.content.productId")).doesNotContain("ownprod001");
    }

    @Test
    void concurrentWritersInTwoWorkspacesAndATenantNeverSeeEachOthersData() throws Exception {
        Made one = workspace("{\"contractTesting\": true}");
        Made two = workspace("{}");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> work = new ArrayList<>();
            work.add(pool.submit(() -> {
                for (int i = 0; i < 15; i++) { // a verifier: state, then the interaction's request
                    given().contentType("application/json").body("{\"state\": \"an API key exists\", \"params\": {\"apiKeyId\": \"one" + String.format("%07d", i) + "\"}}")
                            .post(one.prefix() + "/mock/provider-states").then().statusCode(200);
                    given().header(NcpHeaders.TIMESTAMP, "1").header(NcpHeaders.ACCESS_KEY, "X").header(NcpHeaders.SIGNATURE, "Y")
                            .get(one.prefix() + "/api/v1/api-keys").then().statusCode(200).body("apiKeys.apiKeyId", org.hamcrest.Matchers.hasItem("one" + String.format("%07d", i)))
                            .body("total", org.hamcrest.Matchers.equalTo(4));
                }
                return null;
            }));
            work.add(pool.submit(() -> {
                for (int i = 0; i < 15; i++) {
                    as(two).createdId("two-" + i);
                    given().contentType("application/json").post(two.prefix() + "/mock/reset").then().statusCode(200);
                }
                return null;
            }));
            work.add(pool.submit(() -> {
                for (int i = 0; i < 15; i++) {
                    tenantA.createdId("a-" + i);
                }
                return null;
            }));
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids(as(two).send("GET", "/api/v1/api-keys?limit=100"))).containsExactly("seedweb001", "seedmob002", "seedold003");
        List<String> inA = ids(tenantA.send("GET", "/api/v1/api-keys?limit=100"));
        assertThat(inA.stream().filter(id -> id.startsWith("one"))).isEmpty();
    }
}
