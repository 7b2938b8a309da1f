package dev.contractkit.ncp.server.gateway;

import dev.contractkit.ncp.testsupport.RotationRehearsal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.server.SignedRequests;
import dev.contractkit.ncp.server.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The key rotation of the README, rehearsed on the in-memory store (the Redis replicas run it in GatewayReplicasIT). */
@QuarkusTest
class RotationRehearsalTest {
    private static final String WEATHER = "/gateway/wthr7k2m4q/weather-observations/prod/now";

    @Inject
    TestClock clock;

    @Test
    void aClientThatSwitchesAsDocumentedSeesNoRefusedCallAndEachOldValueIsRefusedAtOnce() throws Exception {
        SignedRequests tenant = SignedRequests.as(SignedRequests.TENANT_A, clock);
        JsonPath key = tenant.create("rotation-rehearsal", "rotated while in use").then().statusCode(201).extract().jsonPath();
        String id = key.getString("apiKey.apiKeyId");
        // the Unlimited plan, so that the client's pace meets no rate limit
        tenant.sendJson("POST", "/api/v1/api-keys/" + id + "/subscribe", "{\"productId\": \"prodpub001\"}").then().statusCode(200);
        tenant.sendJson("PUT", "/api/v1/products/prodpub001/api-keys/" + id + "/stages/stgobsprd1", "{\"usagePlanId\": \"planunlim1\"}")
                .then().statusCode(204);
        RotationRehearsal.Gateway gateway = value -> given().header("x-ncp-apigw-api-key", value).get(WEATHER).statusCode();

        int calls = RotationRehearsal.run(key.getString("apiKey.primaryKey"), key.getString("apiKey.secondaryKey"), gateway, gateway,
                keyType -> tenant.regenerate(id, keyType).then().statusCode(200).extract().jsonPath()
                        .getString("apiKey." + (keyType.equals("PRIMARY") ? "primaryKey" : "secondaryKey")));
        assertThat(calls).isGreaterThanOrEqualTo(20);
    }
}
