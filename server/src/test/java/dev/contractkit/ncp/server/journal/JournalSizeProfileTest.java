package dev.contractkit.ncp.server.journal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.server.SharedMockProfile;
import dev.contractkit.ncp.server.SignedRequests;
import dev.contractkit.ncp.server.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ncp.mock.journal-size bounds each journal on its own: the oldest entries go first (the shared mock's profile keeps
 * 3), and a busy workspace never pushes the configured tenants' entries, or another workspace's, out.
 */
@QuarkusTest
@TestProfile(SharedMockProfile.class)
class JournalSizeProfileTest {

    @Inject
    TestClock clock;

    @Test
    void keepsTheLastThree() {
        SignedRequests tenant = SignedRequests.as(SignedRequests.TENANT_A, clock);
        for (String id : new String[] {"a000000001", "a000000002", "a000000003", "a000000004", "a000000005"}) {
            tenant.send("GET", "/api/v1/api-keys/" + id);
        }
        String busy = workspace();
        String quiet = workspace();
        given().get("/workspaces/" + quiet + "/mock/requests?status=200").then().statusCode(200);
        given().contentType("application/json").post("/workspaces/" + quiet + "/mock/reset").then().statusCode(200);
        for (int i = 0; i < 6; i++) {
            given().contentType("application/json").post("/workspaces/" + busy + "/mock/reset").then().statusCode(200);
        }

        List<Map<String, Object>> entries = given().auth().oauth2(SharedMockProfile.TOKEN).get("/mock/requests").then().extract().jsonPath().getList("requests");
        assertThat(entries).extracting(entry -> entry.get("path"))
                .containsExactly("/api/v1/api-keys/a000000003", "/api/v1/api-keys/a000000004", "/api/v1/api-keys/a000000005");
        assertThat(given().get("/workspaces/" + busy + "/mock/requests").then().extract().jsonPath().getList("requests")).hasSize(3);
        assertThat(given().get("/workspaces/" + quiet + "/mock/requests").then().extract().jsonPath().getList("requests.path", String.class))
                .containsExactly("/workspaces/" + quiet + "/mock/reset");
        for (String id : List.of(busy, quiet)) {
            given().auth().oauth2(SharedMockProfile.TOKEN).delete("/mock/workspaces/" + id).then().statusCode(204);
        }
    }

    private static String workspace() {
        return given().auth().oauth2(SharedMockProfile.TOKEN).contentType("application/json").body("{}").post("/mock/workspaces")
                .then().statusCode(201).extract().jsonPath().getString("workspace.workspaceId");
    }
}
