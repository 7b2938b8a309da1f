package dev.contractkit.ncp.server.pact;

import static dev.contractkit.ncp.server.NcpEnvelope.assertEnvelope;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.server.SharedMockProfile;
import dev.contractkit.ncp.signature.NcpHeaders;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * {@code ncp.mock.contract-testing=true}: a replayed pact's recorded headers (another access key, a past
 * timestamp, a signature nobody here can check) are accepted, and {@code POST /mock/provider-states} sets up
 * exactly what its request then sees (in a shared mock, with the admin token). Everything else is as in normal mode.
 */
@QuarkusTest
@TestProfile(SharedMockProfile.class)
class ContractTestingModeTest {

    /** Headers as a pact recorded them, long ago, with a consumer's own access key. */
    private static RequestSpecification recorded() {
        return given()
                .header(NcpHeaders.TIMESTAMP, "1700000000000")
                .header(NcpHeaders.ACCESS_KEY, "FRONTENDACCESSKEY001")
                .header(NcpHeaders.SIGNATURE, "+aq++oejIbCGgD9j+8ApzPFHy/KRQOwOpxEZ7fTTog8=");
    }

    private static Response stateChange(String json) {
        return given().auth().oauth2(SharedMockProfile.TOKEN).contentType(ContentType.JSON).body(json).post("/mock/provider-states");
    }

    @Test
    void aStateSetUpIsWhatTheReplayedRequestSees() {
        stateChange("""
                {"state": "an API key exists", "params": {"apiKeyId": "pactkey001", "apiKeyName": "from-a-pact", "isEnabled": false}, "action": "setup"}
                """).then().statusCode(200);
        Response key = recorded().get("/api/v1/api-keys/pactkey001");
        assertThat(key.statusCode()).as(key.asString()).isEqualTo(200);
        assertThat(key.jsonPath().getString("apiKeyName")).isEqualTo("from-a-pact");
        assertThat(key.jsonPath().getBoolean("isEnabled")).isFalse();

        Response regenerated = recorded().contentType(ContentType.JSON).body("{\"keyType\": \"SECONDARY\"}").patch("/api/v1/api-keys/pactkey001");
        assertThat(regenerated.statusCode()).isEqualTo(200);
        assertThat(regenerated.jsonPath().getString("apiKey.secondaryKey")).matches("[A-Za-z0-9]{40}");
    }

    @Test
    void theStatesArrayFormAndNoKeyWork() {
        stateChange("""
                {"states": ["no API key exists"], "params": {"apiKeyId": "seedweb001"}, "action": "setup"}
                """).then().statusCode(200);
        assertEnvelope(recorded().get("/api/v1/api-keys/seedweb001"), 404, "300");
        assertThat(recorded().get("/api/v1/api-keys/seedmob002").statusCode()).isEqualTo(200);
    }

    @Test
    void everySetUpOfANewInteractionStartsFromTheSeed() {
        stateChange("{\"state\": \"an API key exists\", \"params\": {\"apiKeyId\": \"first00001\"}}").then().statusCode(200);
        // a second state of the same interaction (one call per state, as Pact's Rust verifier sends them) keeps the first
        stateChange("{\"state\": \"an API key exists\", \"params\": {\"apiKeyId\": \"second0001\"}}").then().statusCode(200);
        assertThat(recorded().get("/api/v1/api-keys/first00001").statusCode()).isEqualTo(200);
        assertThat(recorded().get("/api/v1/api-keys/second0001").statusCode()).isEqualTo(200);
        // the next interaction's set-up starts from the seed
        stateChange("{\"state\": \"no API key exists\", \"params\": {\"apiKeyId\": \"nothing001\"}}").then().statusCode(200);
        assertEnvelope(recorded().get("/api/v1/api-keys/first00001"), 404, "300");
        stateChange("{\"state\": \"an API key exists\", \"params\": {\"apiKeyId\": \"first00001\"}, \"action\": \"teardown\"}").then().statusCode(200);
    }

    @Test
    void anInteractionWithNoStateStartsFromTheSeed() {
        stateChange("{\"state\": \"an API key exists\", \"params\": {\"apiKeyId\": \"gone000001\"}}").then().statusCode(200);
        recorded().get("/api/v1/api-keys/gone000001").then().statusCode(200);
        stateChange("{\"params\": {}, \"action\": \"setup\"}").then().statusCode(200);
        assertEnvelope(recorded().get("/api/v1/api-keys/gone000001"), 404, "300");
        stateChange("{\"state\": \"\", \"states\": [], \"action\": \"setup\"}").then().statusCode(200);
    }

    @Test
    void theWrongSignatureStateStillAnswers401Once() {
        stateChange("{\"state\": \"the request signature is wrong\", \"action\": \"setup\"}").then().statusCode(200);
        assertEnvelope(recorded().get("/api/v1/api-keys"), 401, "200");
        assertThat(recorded().get("/api/v1/api-keys").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownStateIs400ListingTheKnownOnes() {
        Response unknown = stateChange("{\"state\": \"a product is on sale\", \"params\": {}, \"action\": \"setup\"}");
        String details = assertEnvelope(unknown, 400, "100");
        assertThat(details).contains("a product is on sale", "an API key exists", "no API key exists", "the request signature is wrong",
                "a product exists", "an API key is subscribed to a product");
        assertThat(assertEnvelope(stateChange("{\"state\": \"a product exists\", \"params\": {}}"), 400, "100")).contains("productId");
        assertThat(assertEnvelope(stateChange("{\"state\": \"an API key is subscribed to a product\", "
                + "\"params\": {\"apiKeyId\": \"k\", \"productId\": \"p\", \"status\": \"MAYBE\"}}"), 400, "100")).contains("status");
        assertEnvelope(stateChange("{\"state\": \"an API key exists\", \"params\": {}}"), 400, "100");
        assertEnvelope(stateChange("not json"), 400, "100");
        assertEnvelope(stateChange("{\"state\": \"an API key exists\", \"action\": \"explode\"}"), 400, "100");
    }

    @Test
    void everythingElseIsAsInNormalMode() {
        stateChange("{\"state\": \"an API key exists\", \"params\": {\"apiKeyId\": \"pactkey002\"}}").then().statusCode(200);
        assertEnvelope(recorded().contentType(ContentType.JSON).body("{\"keyType\": \"TERTIARY\"}").patch("/api/v1/api-keys/pactkey002"), 400, "100");
        assertEnvelope(given().get("/api/v1/api-keys"), 401, "200");
        assertEnvelope(recorded().get("/api/v1/api-keys/zzzzzzzzzz"), 404, "300");
    }
}
