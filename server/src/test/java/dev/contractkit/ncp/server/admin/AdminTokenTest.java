package dev.contractkit.ncp.server.admin;

import static dev.contractkit.ncp.server.NcpEnvelope.assertEnvelope;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.server.SharedMockProfile;
import dev.contractkit.ncp.server.SignedRequests;
import dev.contractkit.ncp.server.TestClock;
import dev.contractkit.ncp.testsupport.PrivateService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A shared team mock as its operator sets it up: an admin token guards every {@code /mock/*} route, while a
 * workspace's own prefix stays open to whoever holds its id; workspaces' addresses come from the public URL;
 * the operator's one trusted origin may use the admin routes; and a backend the operator listed is the only
 * place an API-made workspace's gateway forwards to.
 */
@QuarkusTest
@TestProfile(SharedMockProfile.class)
class AdminTokenTest {
    static final String TOKEN = SharedMockProfile.TOKEN;
    static final String PUBLIC_URL = SharedMockProfile.PUBLIC_URL;

    @Inject
    TestClock clock;

    SignedRequests tenant;
    PrivateService backend;

    @BeforeEach
    void start() {
        tenant = SignedRequests.as(SignedRequests.TENANT_A, clock);
        backend = PrivateService.answering("{\"from\": \"backend\"}");
    }

    @AfterEach
    void stop() {
        backend.close();
        admin().contentType("application/json").post("/mock/reset").then().statusCode(200);
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TOKEN);
    }

    private static void refusedWithoutTheToken(Function<RequestSpecification, Response> call) {
        assertThat(assertEnvelope(call.apply(given()), 401, "200")).contains("ncp.mock.admin-token");
        assertEnvelope(call.apply(given().auth().oauth2("guess")), 401, "200");
        assertEnvelope(call.apply(given().header("Authorization", TOKEN)), 401, "200");
    }

    @Test
    void resetNeedsTheTokenAndChangesNothingWithoutIt() {
        String kept = tenant.createdId("kept");
        refusedWithoutTheToken(request -> request.contentType("application/json").post("/mock/reset"));
        tenant.get(kept).then().statusCode(200);
        admin().contentType("application/json").post("/mock/reset").then().statusCode(200);
        assertEnvelope(tenant.get(kept), 404, "300");
    }

    @Test
    void workspacesAndTheJournalNeedTheToken() {
        refusedWithoutTheToken(request -> request.contentType("application/json").body("{}").post("/mock/workspaces"));
        refusedWithoutTheToken(request -> request.get("/mock/requests"));
        refusedWithoutTheToken(request -> request.contentType("application/json").delete("/mock/requests"));
        refusedWithoutTheToken(request -> request.contentType("application/json").body("{\"state\": \"an API key exists\"}").post("/mock/provider-states"));
        refusedWithoutTheToken(request -> request.get("/mock/swagger-ui/signing"));
        refusedWithoutTheToken(request -> request.get("/mock/drift"));
        admin().get("/mock/requests").then().statusCode(200);

        JsonPath made = admin().contentType("application/json").body("{}").post("/mock/workspaces").then().statusCode(201).extract().jsonPath();
        String id = made.getString("workspace.workspaceId");
        refusedWithoutTheToken(request -> request.get("/mock/workspaces/" + id));
        refusedWithoutTheToken(request -> request.contentType("application/json").delete("/mock/workspaces/" + id));
        admin().get("/mock/workspaces/" + id).then().statusCode(200);
        admin().contentType("application/json").delete("/mock/workspaces/" + id).then().statusCode(204);
    }

    @Test
    void theConsoleNeedsTheTokenWhichABrowserSendsAsItsBasicPassword() {
        for (String path : new String[] {"/mock/console", "/mock/console/tenants", "/mock/console/state", "/mock/console/events"}) {
            Response refused = given().get(path);
            assertThat(assertEnvelope(refused, 401, "200")).as(path).contains("as the password");
            assertThat(refused.header("WWW-Authenticate")).as("a browser asks its user").startsWith("Basic realm=\"ncp-mock console\"");
            assertEnvelope(given().auth().preemptive().basic("anyone", "guess").get(path), 401, "200");
        }
        refusedWithoutTheToken(request -> request.contentType("application/json")
                .body("{\"tenant\": \"tenant:0\", \"method\": \"GET\", \"path\": \"/api/v1/api-keys\"}").post("/mock/console/sign"));
        String page = given().auth().preemptive().basic("anyone", TOKEN).get("/mock/console").then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertThat(page).contains("<title>NCP mock console</title>").doesNotContain(TOKEN);
        admin().get("/mock/console/tenants").then().statusCode(200);
        given().auth().preemptive().basic("", TOKEN).get("/mock/console/tenants").then().statusCode(200);
    }

    @Test
    void aWorkspacesOwnPrefixStaysOpenToWhoeverHoldsItsId() {
        JsonPath made = admin().contentType("application/json").body("{\"contractTesting\": true}").post("/mock/workspaces").then().statusCode(201)
                .extract().jsonPath();
        String id = made.getString("workspace.workspaceId");
        try {
            assertThat(made.getString("workspace.baseUrl")).isEqualTo(PUBLIC_URL + "/workspaces/" + id);
            given().contentType("application/json").body("{\"state\": \"an API key exists\", \"params\": {\"apiKeyId\": \"prefixed01\"}}")
                    .post("/workspaces/" + id + "/mock/provider-states").then().statusCode(200);
            given().get("/workspaces/" + id + "/mock/requests").then().statusCode(200);
            given().contentType("application/json").post("/workspaces/" + id + "/mock/reset").then().statusCode(200);
        } finally {
            admin().contentType("application/json").delete("/mock/workspaces/" + id).then().statusCode(204);
        }
    }

    @Test
    void theOperatorsTrustedOriginMayUseTheAdminRoutesAndNoOtherMay() {
        admin().header("Origin", "https://ci.team.example").get("/mock/requests").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://ci.team.example");
        given().header("Origin", "https://ci.team.example").header("Access-Control-Request-Method", "POST").options("/mock/reset")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "https://ci.team.example");
        assertEnvelope(admin().header("Origin", "https://evil.example").get("/mock/requests"), 403, "230");
        // with a list, the API too answers only the listed origins
        given().header("Origin", "https://ci.team.example").header("Access-Control-Request-Method", "PATCH").options("/api/v1/api-keys/seedweb001")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "https://ci.team.example");
        assertThat(given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "PATCH")
                .options("/api/v1/api-keys/seedweb001").header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aListedBackendIsForwardedToAndAnUnlistedOneIsRefusedAtCreation() {
        String forwarder = PrivateService.forwarderSeed("http://127.0.0.1:" + backend.port());
        JsonPath made = admin().contentType("application/json").body(forwarder).post("/mock/workspaces").then().statusCode(201).extract().jsonPath();
        String id = made.getString("workspace.workspaceId");
        try {
            given().header("x-ncp-apigw-api-key", PrivateService.SEED_KEY).get("/workspaces/" + id + PrivateService.GATEWAY + "/x")
                    .then().statusCode(200).body(org.hamcrest.Matchers.equalTo("{\"from\": \"backend\"}"));
            assertThat(backend.calls()).isEqualTo(1);
        } finally {
            admin().contentType("application/json").delete("/mock/workspaces/" + id).then().statusCode(204);
        }
        // localhost is the same machine, but only the address was listed
        assertThat(assertEnvelope(admin().contentType("application/json").body(PrivateService.forwarderSeed("http://localhost:" + backend.port()))
                .post("/mock/workspaces"), 400, "100")).contains("ncp.mock.gateway-backend-hosts");
        assertThat(backend.calls()).isEqualTo(1);
    }
}
