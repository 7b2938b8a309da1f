package dev.contractkit.ncp.server.workspace;

import static dev.contractkit.ncp.server.NcpEnvelope.assertEnvelope;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.server.CapturedLog;
import dev.contractkit.ncp.server.SignedRequests;
import dev.contractkit.ncp.server.TestClock;
import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.testsupport.PrivateService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a shared mock keeps of a workspace to itself: its secret after creation, its calls (out of the global
 * journal, whichever path they took), the mock's own network (no seed may point the gateway there), its log
 * (a name cannot forge a line) and its address (never taken from the client's {@code Host} header).
 */
@QuarkusTest
class WorkspaceSecretsTest {
    @Inject
    TestClock clock;

    final List<String> made = new ArrayList<>();
    PrivateService privateService;

    @BeforeEach
    void startAPrivateService() {
        privateService = PrivateService.answering("{\"secret\": \"instance metadata\"}");
    }

    @AfterEach
    void cleanUp() {
        privateService.close();
        made.forEach(id -> given().contentType("application/json").delete("/mock/workspaces/" + id));
    }

    private JsonPath create(String body) {
        JsonPath answer = given().contentType("application/json").body(body).post("/mock/workspaces").then().statusCode(201).extract().jsonPath();
        made.add(answer.getString("workspace.workspaceId"));
        return answer;
    }

    @Test
    void theSecretIsGivenOnceToWhoeverMadeTheWorkspaceAndNeverAgain() {
        JsonPath made = create("{\"name\": \"secret-keeper\"}");
        String id = made.getString("workspace.workspaceId");
        String secret = made.getString("workspace.secretKey");
        assertThat(secret).hasSize(40);

        String again = given().get("/mock/workspaces/" + id).then().statusCode(200).extract().asString();
        assertThat(again).contains(made.getString("workspace.accessKey")).doesNotContain(secret).doesNotContain("secretKey");
        assertThat(given().get("/mock/requests").then().statusCode(200).extract().asString()).doesNotContain(secret);
    }

    @Test
    void theGlobalJournalShowsNothingOfAWorkspaceNeitherItsAdminPathsNorItsCalls() {
        given().contentType("application/json").delete("/mock/requests").then().statusCode(204);
        JsonPath made = create("{}");
        String id = made.getString("workspace.workspaceId");
        given().get("/mock/workspaces/" + id).then().statusCode(200);
        SignedRequests workspace = SignedRequests.as(new NcpCredentials(made.getString("workspace.accessKey"), made.getString("workspace.secretKey")), clock);
        // its own access key at the usual paths, not under its prefix
        workspace.send("GET", "/api/v1/api-keys/seedweb001").then().statusCode(200);
        workspace.send("GET", "/workspaces/" + id + "/api/v1/api-keys").then().statusCode(200);

        String global = given().get("/mock/requests").then().statusCode(200).extract().asString();
        assertThat(global).doesNotContain(id).doesNotContain("/mock/workspaces").doesNotContain("seedweb001")
                .doesNotContain(made.getString("workspace.accessKey"));
        List<String> own = given().get("/workspaces/" + id + "/mock/requests").then().statusCode(200).extract().jsonPath()
                .getList("requests.path");
        assertThat(own).containsExactly("/api/v1/api-keys/seedweb001", "/workspaces/" + id + "/api/v1/api-keys");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:%d", "http://localhost:%d", "http://169.254.169.254", "http://[::1]:%d", "http://10.0.0.8:%d",
            "https://api.example.com"})
    void aSeedThatPointsTheGatewayAnywhereTheOperatorDidNotListIsRefusedAndNothingIsMade(String backend) {
        String seed = PrivateService.forwarderSeed(backend.formatted(privateService.port()));
        String details = assertEnvelope(given().contentType("application/json").body(seed).post("/mock/workspaces"), 400, "100");
        assertThat(details).contains("endpointDomain").contains("ncp.mock.gateway-backend-hosts");
        assertThat(privateService.calls()).isZero();
    }

    @Test
    void aNameIsWrittenToTheLogOnOneLineWhateverItHolds() {
        List<String> lines;
        try (CapturedLog log = CapturedLog.of(Workspaces.class, Level.INFO)) {
            create("{\"name\": \"ok\\r\\n17:00:00.000 ERROR [forged] the mock was breached\"}");
            lines = log.lines();
        }
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("created").contains("ok\\u000d\\u000a17:00:00.000 ERROR [forged]"));
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("\n").doesNotContain("\r"));
    }

    @Test
    void theBaseUrlNeverComesFromTheClientsHostHeader() {
        JsonPath made = given().header("Host", "evil.example:666").contentType("application/json").body("{}").post("/mock/workspaces")
                .then().statusCode(201).extract().jsonPath();
        this.made.add(made.getString("workspace.workspaceId"));
        assertThat(made.getString("workspace.baseUrl")).doesNotContain("evil.example").matches("http://[0-9.:\\[\\]a-f]+:\\d+/workspaces/[a-z0-9]{10}");
    }
}
