package dev.contractkit.ncp.server.http;

import static dev.contractkit.ncp.server.NcpEnvelope.assertEnvelope;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.server.SignedRequests;
import dev.contractkit.ncp.server.TestClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A plain mock serves frontends on any origin at {@code /api/v1}, but its {@code /mock/*} routes (resets,
 * credentials, every tenant's journal) answer only its own pages: a page on a foreign origin can neither read
 * the Swagger UI's signing credentials nor reset the mock, with or without a preflight.
 */
@QuarkusTest
class OriginPolicyTest {
    static final String EVIL = "https://evil.example";

    @Inject
    TestClock clock;

    @TestHTTPResource("/")
    URL root;

    SignedRequests tenant;
    String keyId;

    @BeforeEach
    void aChangeToLose() {
        tenant = SignedRequests.as(SignedRequests.TENANT_A, clock);
        keyId = tenant.createdId("must-survive");
    }

    @AfterEach
    void reset() {
        given().contentType("application/json").post("/mock/reset").then().statusCode(200);
    }

    private String own() {
        return "http://localhost:" + root.getPort();
    }

    /** A workspace's call is rerouted once its prefix is known; the steps before that run for it once, its CORS answer among them. */
    @Test
    void aWorkspacesCallFromAnyOriginGetsOneCorsAnswer() {
        String id = given().contentType("application/json").body("{}").post("/mock/workspaces").then().statusCode(201).extract().path("workspace.workspaceId");
        try {
            // unsigned: refused, and the page still reads why
            Response answer = given().header("Origin", "https://app.example").get("/workspaces/" + id + "/api/v1/api-keys");
            assertEnvelope(answer, 401, "200");
            assertThat(answer.headers().getValues("Access-Control-Allow-Origin")).containsExactly("https://app.example");
            assertThat(answer.headers().getValues("Vary")).hasSizeLessThanOrEqualTo(1);
        } finally {
            given().contentType("application/json").delete("/mock/workspaces/" + id).then().statusCode(204);
        }
    }

    @Test
    void aForeignPageCannotReadTheSwaggerUiSigningCredentials() {
        Response answer = given().header("Origin", EVIL).get("/mock/swagger-ui/signing");
        assertEnvelope(answer, 403, "230");
        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
        assertThat(answer.asString()).doesNotContain(SignedRequests.TENANT_A.secretKey());

        Response preflight = given().header("Origin", EVIL).header("Access-Control-Request-Method", "GET").options("/mock/swagger-ui/signing");
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void theMocksOwnPagesGetTheSigningCredentials() {
        given().header("Origin", own()).get("/mock/swagger-ui/signing").then().statusCode(200)
                .header("Access-Control-Allow-Origin", own());
        given().get("/mock/swagger-ui/signing").then().statusCode(200); // same-origin GETs carry no Origin
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"})
    void aForeignPageCannotResetTheMockWithASimpleRequest(String contentType) throws Exception {
        for (String origin : List.of(EVIL, "null")) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(root.toURI().resolve("/mock/reset"))
                    .header("Origin", origin).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString("x=1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.body()).contains("\"errorCode\":\"230\"");
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
        tenant.get(keyId).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded"})
    void aStateChangeThatIsNotJsonIsRefusedWhoeverSendsIt(String contentType) {
        assertThat(assertEnvelope(given().contentType(contentType).body("{}").post("/mock/reset"), 400, "100")).contains("JSON");
        assertEnvelope(given().contentType(contentType).body("{}").delete("/mock/requests"), 400, "100");
        tenant.get(keyId).then().statusCode(200);
    }

    @Test
    void aForeignPageCannotResetTheMockWithJsonEither() {
        Response preflight = given().header("Origin", EVIL).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").options("/mock/reset");
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertEnvelope(given().header("Origin", EVIL).contentType("application/json").body("{}").post("/mock/reset"), 403, "230");
        assertEnvelope(given().header("Origin", EVIL).get("/mock/requests"), 403, "230");
        tenant.get(keyId).then().statusCode(200);
    }

    @Test
    void frontendsOnAnyOriginStillCallTheApi() {
        given().header("Origin", EVIL).header("Access-Control-Request-Method", "PATCH").options("/api/v1/api-keys/" + keyId)
                .then().statusCode(200).header("Access-Control-Allow-Origin", EVIL).header("Vary", "Origin");
        tenant.signed("GET", "/api/v1/api-keys/" + keyId).header("Origin", "http://localhost:5173").get("/api/v1/api-keys/" + keyId)
                .then().statusCode(200).header("Access-Control-Allow-Origin", "http://localhost:5173");
    }
}
