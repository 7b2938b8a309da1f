package dev.contractkit.ncp.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.testsupport.PackagedMock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Quick frontend work, started as docs/mock-server.md shows: signatures off, and a seed file of one's own. */
class SignaturesOffIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static PackagedMock mock;

    @BeforeAll
    static void startTheMock() throws Exception {
        mock = PackagedMock.start(Path.of(System.getProperty("ncp.server.app", "target/quarkus-app/quarkus-run.jar")), List.of(),
                Map.of("NCP_MOCK_VERIFY_SIGNATURES", "false", "NCP_MOCK_SEED_FILE", Path.of("src/test/resources/custom-seed.json").toAbsolutePath().toString()));
    }

    @AfterAll
    static void stopTheMock() {
        mock.close();
    }

    private static HttpResponse<String> unsigned(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mock.url() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersUnsignedRequestsFromTheConfiguredSeedFile() throws Exception {
        HttpResponse<String> list = unsigned("GET", "/api/v1/api-keys", null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(list.body());
        assertThat(body.at("/total").asInt()).isEqualTo(1);
        assertThat(body.at("/apiKeys/0/apiKeyId").asText()).isEqualTo("custom0001");
        assertThat(body.at("/apiKeys/0/apiKeyName").asText()).isEqualTo("from-custom-seed");
        assertThat(body.at("/apiKeys/0/isEnabled").isBoolean()).isTrue();
        assertThat(body.at("/apiKeys/0/isEnabled").asBoolean()).isFalse();
        assertThat(body.at("/apiKeys/0/primaryKey").asText()).isEqualTo("CustomPrimaryKey000000000000000000000001");
    }

    @Test
    void stillValidatesBodies() throws Exception {
        HttpResponse<String> refused = unsigned("PATCH", "/api/v1/api-keys/custom0001", "{\"keyType\": \"BOTH\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).at("/error/errorCode").asText()).isEqualTo("100");
    }

    @Test
    void keepsStateBetweenUnsignedRequests() throws Exception {
        HttpResponse<String> regenerated = unsigned("PATCH", "/api/v1/api-keys/custom0001", "{\"keyType\": \"SECONDARY\"}");
        assertThat(regenerated.statusCode()).as(regenerated.body()).isEqualTo(200);
        String newKey = JSON.readTree(regenerated.body()).at("/apiKey/secondaryKey").asText();
        assertThat(newKey).matches("[A-Za-z0-9]{40}");
        HttpResponse<String> read = unsigned("GET", "/api/v1/api-keys/custom0001", null);
        assertThat(JSON.readTree(read.body()).at("/secondaryKey").asText()).isEqualTo(newKey);
    }
}
