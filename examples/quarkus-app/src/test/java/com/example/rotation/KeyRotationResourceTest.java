package com.example.rotation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.contractkit.ncp.client.generated.api.ApiKeysApi;
import dev.contractkit.ncp.client.generated.model.ApiKey;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

/** The service rotates a key on the NCP mock that Dev Services started: no URL and no credentials configured. */
@QuarkusTest
class KeyRotationResourceTest {

    @RestClient
    ApiKeysApi apiKeys;

    @Test
    void rotatingThePrimaryKeyChangesItOnNcpAndKeepsTheSecondary() {
        ApiKey before = apiKeys.getApiKey("seedweb001");

        given().when().post("/rotations/seedweb001").then().statusCode(200)
                .body("apiKeyId", equalTo("seedweb001"))
                .body("keyType", equalTo("PRIMARY"));

        ApiKey after = apiKeys.getApiKey("seedweb001");
        assertNotEquals(before.getPrimaryKey(), after.getPrimaryKey());
        assertEquals(before.getSecondaryKey(), after.getSecondaryKey());
    }
}
