package dev.contractkit.ncp.server.error;

import static dev.contractkit.ncp.server.NcpEnvelope.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.server.SignedRequests;
import dev.contractkit.ncp.server.UntouchedKeyTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bad input gets NCP's envelope with the right status, and changes nothing. */
@QuarkusTest
class BadInputTest extends UntouchedKeyTest {

    private Response patch(String contentType, String body) {
        String path = "/api/v1/api-keys/" + id;
        return tenant.signed("PATCH", path).contentType(contentType).body(body).request("PATCH", path);
    }

    @ParameterizedTest(name = "keyType body {0}")
    @ValueSource(strings = {
        "{\"keyType\": \"TERTIARY\"}",
        "{\"keyType\": \"primary\"}",
        "{\"keyType\": \"Primary\"}",
        "{\"keyType\": \"\"}",
        "{\"keyType\": null}",
        "{\"keyType\": 1}",
        "{\"keyType\": true}",
        "{\"keyType\": [\"PRIMARY\"]}",
        "{\"keyType\": {\"value\": \"PRIMARY\"}}",
        "{}",
        "[]",
        "[{\"keyType\": \"PRIMARY\"}]",
        "\"PRIMARY\"",
        "42",
        "null",
        "{\"keyType\": \"PRIMARY\"",
        "{keyType: PRIMARY}",
        "not json at all"
    })
    void regenerateWithABadBodyAnswers400(String body) {
        String details = assertEnvelope(patch("application/json", body), 400, "100");
        assertThat(details).doesNotContain("dev.contractkit");
        assertUnchanged();
    }

    @Test
    void anUnknownKeyTypeNamesTheAllowedValues() {
        assertThat(assertEnvelope(patch("application/json", """
                {"keyType": "TERTIARY"}
                """), 400, "100")).contains("keyType", "PRIMARY", "SECONDARY");
    }

    @Test
    void aMissingKeyTypeNamesTheField() {
        assertThat(assertEnvelope(patch("application/json", "{}"), 400, "100")).contains("keyType");
    }

    @Test
    void anEmptyBodyAnswers400() {
        assertThat(assertEnvelope(patch("application/json", ""), 400, "100")).contains("request body");
        assertUnchanged();
    }

    @Test
    void aWrongContentTypeAnswers415() {
        assertThat(assertEnvelope(patch("text/plain", "{\"keyType\": \"PRIMARY\"}"), 415, "100")).contains("text/plain");
        assertEnvelope(patch("application/xml", "<keyType>PRIMARY</keyType>"), 415, "100");
        assertUnchanged();
    }

    @Test
    void aBodyOver10MegabytesAnswers413WithCode430() {
        String path = "/api/v1/api-keys/" + id;
        byte[] body = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(body, (byte) ' ');
        Response response = tenant.signed("PATCH", path).contentType("application/json").body(body).request("PATCH", path);
        assertEnvelope(response, 413, "430");
        assertUnchanged();
    }

    @Test
    void aChunkedBodyOver10MegabytesAnswers413WithCode430() throws Exception {
        String path = "/api/v1/api-keys";
        var request = tenant.signed("POST", path);
        var headers = ((FilterableRequestSpecification) request).getHeaders();
        byte[] body = ("{\"apiKeyName\": \"" + "a".repeat(11 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        var builder = HttpRequest.newBuilder(root.resolve(path))
                .header("Content-Type", "application/json")
                // an input stream of unknown length goes out chunked, without Content-Length
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        headers.asList().forEach(header -> builder.header(header.getName(), header.getValue()));
        long keysBefore = tenant.send("GET", "/api/v1/api-keys").then().extract().jsonPath().getLong("initialCount");

        var response = HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        var json = new JsonPath(response.body());
        assertThat(json.getString("error.errorCode")).isEqualTo("430");
        assertThat(json.getString("error.message")).isEqualTo("Request Entity Too Large");
        assertThat(tenant.send("GET", "/api/v1/api-keys").then().extract().jsonPath().getLong("initialCount")).isEqualTo(keysBefore);
    }

    @ParameterizedTest(name = "create {0}")
    @CsvSource(delimiter = '|', textBlock = """
            name of 21 characters       | {"apiKeyName": "abcdefghijklmnopqrstu"}
            empty name                  | {"apiKeyName": ""}
            missing name                | {"apiKeyDescription": "no name"}
            null name                   | {"apiKeyName": null}
            name that is a number       | {"apiKeyName": 12345}
            description of 51 characters| {"apiKeyName": "ok", "apiKeyDescription": "123456789012345678901234567890123456789012345678901"}
            """)
    void createWithABadBodyAnswers400(String what, String body) {
        long keysBefore = tenant.send("GET", "/api/v1/api-keys").then().extract().jsonPath().getLong("initialCount");
        assertEnvelope(tenant.sendJson("POST", "/api/v1/api-keys", body), 400, "100");
        assertThat(tenant.send("GET", "/api/v1/api-keys").then().extract().jsonPath().getLong("initialCount")).isEqualTo(keysBefore);
    }

    @Test
    void tooLongFieldsAreNamedInTheDetails() {
        assertThat(assertEnvelope(tenant.sendJson("POST", "/api/v1/api-keys", """
                {"apiKeyName": "abcdefghijklmnopqrstu"}
                """), 400, "100")).contains("apiKeyName");
        assertThat(assertEnvelope(tenant.sendJson("POST", "/api/v1/api-keys", """
                {"apiKeyName": "ok", "apiKeyDescription": "123456789012345678901234567890123456789012345678901"}
                """), 400, "100")).contains("apiKeyDescription");
    }

    @Test
    void twentyAndFiftyCharactersAreStillAccepted() {
        tenant.sendJson("POST", "/api/v1/api-keys", """
                {"apiKeyName": "abcdefghijklmnopqrst", "apiKeyDescription": "12345678901234567890123456789012345678901234567890"}
                """).then().statusCode(201);
    }

    @ParameterizedTest(name = "edit {0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing isEnabled    | {"apiKeyName": "edited"}
            isEnabled as text    | {"apiKeyName": "edited", "isEnabled": "yes"}
            missing name         | {"isEnabled": true}
            name of 21 characters| {"apiKeyName": "abcdefghijklmnopqrstu", "isEnabled": true}
            """)
    void editWithABadBodyAnswers400(String what, String body) {
        assertEnvelope(tenant.sendJson("PUT", "/api/v1/api-keys/" + id, body), 400, "100");
        assertUnchanged();
    }

    @ParameterizedTest(name = "list {0}")
    @ValueSource(strings = {"?limit=0", "?offset=-1", "?offset=abc", "?limit=1.5", "?apiKeyName=abcdefghijklmnopqrstu"})
    void listWithABadQueryAnswers400(String query) {
        assertEnvelope(tenant.send("GET", "/api/v1/api-keys" + query), 400, "100");
    }

    @Test
    void anUnknownApiKeyIdAnswers404WithCode300() {
        assertThat(assertEnvelope(tenant.get("zzzzzzzzzz"), 404, "300")).contains("zzzzzzzzzz");
        assertEnvelope(tenant.regenerate("zzzzzzzzzz", "PRIMARY"), 404, "300");
        assertEnvelope(tenant.sendJson("PUT", "/api/v1/api-keys/zzzzzzzzzz", """
                {"apiKeyName": "x", "isEnabled": true}
                """), 404, "300");
        assertEnvelope(tenant.send("DELETE", "/api/v1/api-keys/zzzzzzzzzz"), 404, "300");
    }

    @Test
    void anUnknownRouteAnswers404WithCode300() {
        assertEnvelope(tenant.send("GET", "/api/v1/stages"), 404, "300");
        assertEnvelope(tenant.send("GET", "/api/v1/api-keys/" + id + "/extra"), 404, "300");
        assertEnvelope(RestAssured.get("/no/such/page"), 404, "300");
    }

    @Test
    void aWrongMethodAnswers405() {
        Response response = tenant.send("POST", "/api/v1/api-keys/" + id);
        assertEnvelope(response, 405, "100");
        assertEnvelope(tenant.send("PATCH", "/api/v1/api-keys"), 405, "100");
        assertUnchanged();
    }
}
