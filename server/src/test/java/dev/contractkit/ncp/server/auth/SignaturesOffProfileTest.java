package dev.contractkit.ncp.server.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Quick frontend work: signatures off, and a seed file of one's own. */
@QuarkusTest
@TestProfile(SignaturesOffProfileTest.Profile.class)
class SignaturesOffProfileTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "ncp.mock.verify-signatures", "false",
                    "ncp.mock.seed-file", "src/test/resources/custom-seed.json");
        }
    }

    @Test
    void answersUnsignedRequestsFromTheConfiguredSeedFile() {
        given().get("/api/v1/api-keys").then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("apiKeys[0].apiKeyId", equalTo("custom0001"))
                .body("apiKeys[0].apiKeyName", equalTo("from-custom-seed"))
                .body("apiKeys[0].isEnabled", equalTo(false))
                .body("apiKeys[0].primaryKey", equalTo("CustomPrimaryKey000000000000000000000001"));
    }

    @Test
    void stillValidatesBodies() {
        given().contentType("application/json").body("{\"keyType\": \"BOTH\"}").patch("/api/v1/api-keys/custom0001")
                .then().statusCode(400).body("error.errorCode", equalTo("100"));
    }

    @Test
    void keepsStateBetweenUnsignedRequests() {
        String newKey = given().contentType("application/json").body("{\"keyType\": \"SECONDARY\"}")
                .patch("/api/v1/api-keys/custom0001").then().statusCode(200).extract().path("apiKey.secondaryKey");
        given().get("/api/v1/api-keys/custom0001").then().statusCode(200).body("secondaryKey", equalTo(newKey));
    }
}
