package dev.contractkit.ncp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code from-recording} on a small recording: a key listed, then one made and deleted, an unknown id, and a bad
 * body the spec refuses. The seed ends with what the recording ends with; each interaction gets the states its
 * path and answer call for; the refused request is left out and named. (End to end, through a real proxy and
 * verified: contract-tests' ProxyRecordingTest.)
 */
@QuarkusMainTest
class FromRecordingCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = """
            {"apiKeyId": "%s", "apiKeyName": "%s", "apiKeyDescription": "", "primaryKey": "*****AAAA", "secondaryKey": "*****BBBB",
             "isEnabled": true, "modTime": "2026-12-01T00:00:00Z", "domainCode": "PUB"}""";
    private static final String HEADERS = """
            {"x-ncp-apigw-timestamp": "1796140000000", "x-ncp-iam-access-key": "*****0001", "x-ncp-apigw-signature-v2": "*****abc="}""";

    @TempDir
    Path dir;

    @Test
    void aRecordingBecomesASeedAndAPact(QuarkusMainLauncher launcher) throws IOException {
        Path recording = Files.createDirectory(dir.resolve("recording"));
        fixture(recording, "00001-GET-api-keys.json", "GET", "/api/v1/api-keys", null, 200,
                "{\"apiKeys\": [" + KEY.formatted("keepme0001", "kept") + "], \"total\": 1, \"initialCount\": 1}");
        fixture(recording, "00002-POST-api-keys.json", "POST", "/api/v1/api-keys", "{\"apiKeyName\": \"brief\"}", 201,
                "{\"apiKey\": " + KEY.formatted("brief00002", "brief") + "}");
        fixture(recording, "00003-DELETE-api-keys-brief00002.json", "DELETE", "/api/v1/api-keys/brief00002", null, 204, null);
        fixture(recording, "00004-GET-api-keys-zzzzzzzzzz.json", "GET", "/api/v1/api-keys/zzzzzzzzzz", null, 404,
                "{\"error\": {\"errorCode\": \"300\", \"message\": \"Not Found Exception\", \"details\": \"no key\"}}");
        fixture(recording, "00005-PATCH-api-keys-keepme0001.json", "PATCH", "/api/v1/api-keys/keepme0001", "{\"keyType\": \"TERTIARY\"}", 400,
                "{\"error\": {\"errorCode\": \"100\", \"message\": \"Bad Request Exception\", \"details\": \"keyType\"}}");

        LaunchResult result = launcher.launch("from-recording", recording.toString(), "--consumer", "my-app",
                "--seed", dir.resolve("seed.json").toString(), "--pact", dir.resolve("pacts/my-app.json").toString());

        assertThat(result.exitCode()).as(result.getOutput() + result.getErrorOutput()).isZero();
        assertThat(result.getOutput()).contains("(1 keys, 0 products)").contains("(4 interactions, consumer my-app")
                .contains("left out, the spec refuses its request: 00005-PATCH-api-keys-keepme0001.json (validation.request.body.schema.enum)");
        JsonNode seed = JSON.readTree(dir.resolve("seed.json").toFile());
        assertThat(seed.path("apiKeys")).hasSize(1);
        assertThat(seed.path("apiKeys").get(0).path("apiKeyId").asText()).isEqualTo("keepme0001");
        assertThat(seed.path("apiKeys").get(0).has("primaryKey")).as("values are drawn by the mock").isFalse();
        assertThat(seed.has("products")).isFalse();

        JsonNode pact = JSON.readTree(dir.resolve("pacts/my-app.json").toFile());
        assertThat(pact.path("provider").path("name").asText()).isEqualTo("ncp-apigw-apikeys");
        List<String> states = new ArrayList<>();
        pact.path("interactions").forEach(interaction -> states.add(interaction.path("request").path("method").asText() + " "
                + interaction.path("providerStates").findValuesAsText("name")));
        assertThat(states).containsExactly("GET []", "POST []", "DELETE [an API key exists]", "GET [no API key exists]");
        JsonNode list = pact.path("interactions").get(0).path("response");
        assertThat(list.path("body").path("apiKeys")).hasSize(1);
        assertThat(list.path("matchingRules").path("body").path("$.apiKeys").path("matchers").get(0).path("min").asInt(-1)).isZero();
        assertThat(pact.path("interactions").get(0).path("request").path("headers").path("x-ncp-iam-access-key").asText()).isEqualTo("*****0001");
    }

    @Test
    void aFolderWithoutARecordingIsAUsageError(QuarkusMainLauncher launcher) {
        assertThat(launcher.launch("from-recording", dir.resolve("nothing-here").toString(), "--consumer", "x").exitCode()).isEqualTo(2);
        LaunchResult empty = launcher.launch("from-recording", dir.toString(), "--consumer", "x");
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.getErrorOutput()).contains("holds no recorded exchanges");
    }

    private static void fixture(Path folder, String name, String method, String path, String body, int status, String answer) throws IOException {
        StringBuilder json = new StringBuilder("{\"recordedAt\": \"2026-12-01T00:00:00Z\", \"request\": {\"method\": \"" + method
                + "\", \"path\": \"" + path + "\", \"headers\": " + HEADERS.strip());
        if (body != null) {
            json.setLength(json.length() - 1);
            json.append(", \"content-type\": \"application/json\"}, \"body\": ").append(body);
        }
        json.append("}, \"response\": {\"status\": ").append(status).append(", \"headers\": {\"content-type\": \"application/json\"}");
        if (answer != null) {
            json.append(", \"body\": ").append(answer);
        }
        json.append("}}");
        Files.writeString(folder.resolve(name), json);
    }
}
