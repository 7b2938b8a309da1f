package dev.contractkit.ncp.server.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.testsupport.PackagedMock;
import dev.contractkit.ncp.testsupport.SignedHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ncp.mock.random-seed}: two fresh mocks with the same seed, given the same requests, answer the
 * same IDs and key values, seed keys included (only {@code modTime} follows the clock). Without a seed they differ.
 */
class RandomSeedIT {
    private static final NcpCredentials DEFAULT = new NcpCredentials("MOCKACCESSKEY0000001", "MOCKSECRETKEY000000000000000000000000001");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theSameSeedAndRequestsGiveTheSameAnswers() throws Exception {
        List<JsonNode> first = session("-Dncp.mock.random-seed=20261130");
        List<JsonNode> second = session("-Dncp.mock.random-seed=20261130");
        assertThat(second).isEqualTo(first);
        assertThat(session("-Dncp.mock.random-seed=7")).isNotEqualTo(first);
        assertThat(session()).isNotEqualTo(first);
    }

    /** A fresh mock: list the seed, create, regenerate, reset, list again; the answers without modTime. */
    private static List<JsonNode> session(String... flags) throws Exception {
        try (PackagedMock mock = PackagedMock.start(Path.of(System.getProperty("ncp.server.app", "target/quarkus-app/quarkus-run.jar")),
                List.of(flags), Map.of())) {
            String base = mock.url();
            List<JsonNode> answers = new ArrayList<>();
            answers.add(call(base, "GET", "/api/v1/api-keys", null));
            JsonNode created = call(base, "POST", "/api/v1/api-keys", "{\"apiKeyName\":\"snapshot\"}");
            answers.add(created);
            String id = created.at("/apiKey/apiKeyId").asText();
            answers.add(call(base, "PATCH", "/api/v1/api-keys/" + id, "{\"keyType\":\"SECONDARY\"}"));
            HTTP.send(HttpRequest.newBuilder(URI.create(base + "/mock/reset")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            answers.add(call(base, "GET", "/api/v1/api-keys", null));
            return answers;
        }
    }

    private static JsonNode call(String base, String method, String path, String body) throws Exception {
        JsonNode answer = JSON.readTree(SignedHttp.send(base, DEFAULT, method, path, body).body());
        withoutModTime(answer);
        return answer;
    }

    private static void withoutModTime(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("modTime");
        }
        node.forEach(RandomSeedIT::withoutModTime);
    }
}
