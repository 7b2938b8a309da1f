package dev.contractkit.ncp.server.error;

import static dev.contractkit.ncp.server.NcpEnvelope.assertEnvelope;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.SignedRequests;
import dev.contractkit.ncp.server.UntouchedKeyTest;
import dev.contractkit.ncp.signature.NcpHeaders;
import dev.contractkit.ncp.signature.NcpSigner;
import dev.contractkit.ncp.testsupport.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hostile inputs that once reached a 500 or were accepted by mistake, kept as plain regression tests,
 * and the lenient cases decided on purpose (README, "Errors, as NCP answers them").
 */
@QuarkusTest
class HostileInputRegressionTest extends UntouchedKeyTest {

    @ParameterizedTest(name = "timestamp {0}")
    @ValueSource(strings = {"9999999999999999999", "9223372036854775808", "99999999999999999999", "-0", "１７００００００００００００"})
    void anOverflowingOrForeignTimestampIs401NotA500(String timestamp) {
        String path = "/api/v1/api-keys/" + id;
        Response signed = given().urlEncodingEnabled(false)
                .header(NcpHeaders.TIMESTAMP, timestamp)
                .header(NcpHeaders.ACCESS_KEY, SignedRequests.TENANT_A.accessKey())
                .header(NcpHeaders.SIGNATURE, new NcpSigner(SignedRequests.TENANT_A).sign("GET", path, "1700000000000"))
                .get(path);
        assertEnvelope(signed, 401, "200");
        Response unsigned = given().header(NcpHeaders.TIMESTAMP, timestamp).get(path);
        assertEnvelope(unsigned, 401, "200");
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {
        "{\"keyType\":\"PRIMARY\"} trailing",
        "{\"keyType\":\"PRIMARY\"} {}",
        "{\"keyType\":\"PRIMARY\"}]",
        "{\"keyType\":\"PRIMARY\",\"keyType\":\"SECONDARY\"}",
        "{\"keyType\":\"PRIMARY\",\"keyType\":\"PRIMARY\"}"})
    void trailingDataAndDuplicateKeysAreRefusedAndChangeNothing(String body) {
        String path = "/api/v1/api-keys/" + id;
        Response response = tenant.signed("PATCH", path).contentType("application/json").body(body).request("PATCH", path);
        assertEnvelope(response, 400, "100");
        assertUnchanged();
    }

    @ParameterizedTest(name = "query {0}")
    @ValueSource(strings = {"apiKeyName=%ff", "apiKeyName=%C3", "limit=%ED%A0%80", "%ff=1"})
    void aQueryThatIsNotUtf8GetsTheEnvelope(String query) throws Exception {
        RawHttp.Answer answer = raw("GET", "/api/v1/api-keys?" + query, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        JsonNode error = new ObjectMapper().readTree(answer.body()).path("error");
        assertThat(error.path("errorCode").asText()).isEqualTo("100");
        assertThat(error.path("details").asText()).contains("percent-encoding");
    }

    /** Not a URI at all: the HTTP layer refuses it before any of our code, as it does an invalid header character. */
    @ParameterizedTest(name = "query {0}")
    @ValueSource(strings = {"limit=%zz", "apiKeyName=%", "apiKeyName=%e", "%zz=1"})
    void aTargetThatIsNotAUriIsRefusedByTheHttpLayerAndChangesNothing(String query) throws Exception {
        RawHttp.Answer answer = raw("PATCH", "/api/v1/api-keys/" + id + "?" + query, "{\"keyType\":\"PRIMARY\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertUnchanged();
    }

    /** Signed over the target exactly as written, sent byte for byte. */
    private RawHttp.Answer raw(String method, String target, String jsonBody) throws Exception {
        String timestamp = Long.toString(clock.millis());
        List<String[]> headers = new ArrayList<>(List.of(
                new String[] {NcpHeaders.TIMESTAMP, timestamp},
                new String[] {NcpHeaders.ACCESS_KEY, SignedRequests.TENANT_A.accessKey()},
                new String[] {NcpHeaders.SIGNATURE, new NcpSigner(SignedRequests.TENANT_A).sign(method, target, timestamp)}));
        if (jsonBody != null) {
            headers.add(new String[] {"Content-Type", "application/json"});
        }
        return RawHttp.send(root.getPort(), method, target, headers,
                jsonBody == null ? null : jsonBody.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "query {0}")
    @ValueSource(strings = {"limit=1&limit=2", "offset=0&offset=0", "apiKeyName=a&apiKeyName=b", "limit=1&limi%74=1"})
    void aRepeatedQueryParameterIsRefused(String query) {
        String details = assertEnvelope(tenant.send("GET", "/api/v1/api-keys?" + query), 400, "100");
        assertThat(details).contains("more than once");
        String path = "/api/v1/api-keys/" + id + "?x=1&x=2";
        Response patch = tenant.signed("PATCH", path).contentType("application/json").body("{\"keyType\":\"PRIMARY\"}").request("PATCH", path);
        assertEnvelope(patch, 400, "100");
        assertUnchanged();
    }

    // ---- lenient on purpose ------------------------------------------------------------------------------

    @ParameterizedTest(name = "path {0}")
    @ValueSource(strings = {"/api/v1//api-keys/%s", "//api/v1/api-keys/%s", "/api/v1/api-keys//%s", "/api/v1/./api-keys/%s"})
    void doubleSlashesAndDotSegmentsAreAcceptedAsNcpsOwnRegeneratePageWritesThem(String template) throws Exception {
        RawHttp.Answer answer = raw("PATCH", template.formatted(id), "{\"keyType\":\"SECONDARY\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(answer.body()).at("/apiKey/apiKeyId").asText()).isEqualTo(id);
    }

    @Test
    void anEmptyQueryValueIsTheParameterLeftOut() {
        Response empty = tenant.send("GET", "/api/v1/api-keys?limit=&offset=");
        Response none = tenant.send("GET", "/api/v1/api-keys");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.jsonPath().getList("apiKeys.apiKeyId")).isEqualTo(none.jsonPath().getList("apiKeys.apiKeyId"));
    }

    @ParameterizedTest(name = "Content-Type [{0}]")
    @ValueSource(strings = {"", "*/*", "application/json;charset=UTF-8", "application/*"})
    void aMissingOrWildcardContentTypeIsReadAsJson(String contentType) {
        String path = "/api/v1/api-keys/" + id;
        var request = tenant.signed("PATCH", path).body("{\"keyType\":\"PRIMARY\"}".getBytes(StandardCharsets.UTF_8));
        if (!contentType.isEmpty()) {
            request = request.contentType(contentType);
        } else {
            request = request.noContentType();
        }
        Response response = request.request("PATCH", path);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.jsonPath().getString("apiKey.primaryKey")).isNotEqualTo(before.get("primaryKey"));
    }

    @Test
    void anInjectedCrashIs500WithTheEnvelope() {
        Response response = tenant.signed("GET", "/api/v1/api-keys").header("X-Mock-Fault", "crash").get("/api/v1/api-keys");
        assertThat(assertEnvelope(response, 500, "900")).contains("injected");
    }
}
