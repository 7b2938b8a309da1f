package dev.contractkit.ncp.server.pact;

import static dev.contractkit.ncp.server.NcpEnvelope.assertEnvelope;
import static io.restassured.RestAssured.given;

import dev.contractkit.ncp.server.SignedRequests;
import dev.contractkit.ncp.server.TestClock;
import dev.contractkit.ncp.signature.NcpHeaders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Without the contract-testing switch, nothing changes: recorded headers are refused, signed requests see the state. */
@QuarkusTest
class ProviderStatesNormalModeTest {

    @Inject
    TestClock clock;

    @Test
    void recordedHeadersAreStillRefusedAndSignedRequestsSeeTheState() {
        given().contentType(ContentType.JSON)
                .body("{\"state\": \"an API key exists\", \"params\": {\"apiKeyId\": \"normal0001\"}, \"action\": \"setup\"}")
                .post("/mock/provider-states").then().statusCode(200);
        assertEnvelope(given()
                .header(NcpHeaders.TIMESTAMP, "1700000000000")
                .header(NcpHeaders.ACCESS_KEY, "TESTACCESSKEY0000000")
                .header(NcpHeaders.SIGNATURE, "+aq++oejIbCGgD9j+8ApzPFHy/KRQOwOpxEZ7fTTog8=")
                .get("/api/v1/api-keys/normal0001"), 401, "200");
        SignedRequests.as(SignedRequests.TENANT_A, clock).get("normal0001").then().statusCode(200);
    }
}
