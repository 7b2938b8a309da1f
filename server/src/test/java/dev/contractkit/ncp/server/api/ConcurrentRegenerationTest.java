package dev.contractkit.ncp.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.ncp.server.SignedRequests;
import dev.contractkit.ncp.server.TestClock;
import dev.contractkit.ncp.signature.NcpHeaders;
import dev.contractkit.ncp.signature.NcpSigner;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * PRIMARY and SECONDARY regenerations of one key (2 x 20), interleaved from two concurrent callers. Each key
 * type has its own caller that sends one after the other, so "the last answer of a type" is well defined; the two
 * types race each other. A store that read a key, drew a value and wrote the key back without atomicity
 * would lose one type's value to the other's write, and the final key would not hold both last answers.
 */
@QuarkusTest
class ConcurrentRegenerationTest {
    private static final int ROUNDS = 20;

    @Inject
    TestClock clock;

    @Inject
    ObjectMapper mapper;

    @TestHTTPResource("/")
    URI root;

    @Test
    void interleavedPrimaryAndSecondaryRegenerationsLoseNeitherKey() throws Exception {
        SignedRequests tenant = SignedRequests.as(SignedRequests.TENANT_A, clock);
        String id = tenant.createdId("concurrent");
        HttpClient http = HttpClient.newHttpClient();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // one sequential lane per type; lanes of both types run at once
            Future<List<JsonNode>> primaries = pool.submit(lane(http, id, "PRIMARY", start));
            Future<List<JsonNode>> secondaries = pool.submit(lane(http, id, "SECONDARY", start));
            start.countDown();
            List<JsonNode> primaryAnswers = primaries.get();
            List<JsonNode> secondaryAnswers = secondaries.get();
            List<JsonNode> all = new ArrayList<>(primaryAnswers);
            all.addAll(secondaryAnswers);

            List<String> newPrimaries = all.stream().filter(a -> a.path("type").asText().equals("PRIMARY"))
                    .map(a -> a.at("/apiKey/primaryKey").asText()).toList();
            List<String> newSecondaries = all.stream().filter(a -> a.path("type").asText().equals("SECONDARY"))
                    .map(a -> a.at("/apiKey/secondaryKey").asText()).toList();
            assertThat(newPrimaries).doesNotHaveDuplicates();
            assertThat(newSecondaries).doesNotHaveDuplicates();

            JsonNode finalKey = mapper.readTree(tenant.get(id).then().statusCode(200).extract().asString());
            // each lane is sequential: the last answer of each type is what must be stored
            assertThat(finalKey.path("primaryKey").asText()).isEqualTo(last(primaryAnswers, "primaryKey"));
            assertThat(finalKey.path("secondaryKey").asText()).isEqualTo(last(secondaryAnswers, "secondaryKey"));
            // no answer ever shows a value of the other type that was never answered by a regeneration
            for (JsonNode answer : all) {
                String primary = answer.at("/apiKey/primaryKey").asText();
                String secondary = answer.at("/apiKey/secondaryKey").asText();
                assertThat(primary.equals(all.get(0).path("initialPrimary").asText()) || newPrimaries.contains(primary)).isTrue();
                assertThat(secondary.equals(all.get(0).path("initialSecondary").asText()) || newSecondaries.contains(secondary)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Callable<List<JsonNode>> lane(HttpClient http, String id, String type, CountDownLatch start) {
        SignedRequests tenant = SignedRequests.as(SignedRequests.TENANT_A, clock);
        JsonNode initial = readUnchecked(tenant.get(id).then().statusCode(200).extract().asString());
        return () -> {
            String path = "/api/v1/api-keys/" + id;
            NcpSigner signer = new NcpSigner(SignedRequests.TENANT_A);
            start.await();
            List<JsonNode> answers = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                String timestamp = Long.toString(clock.millis());
                HttpRequest request = HttpRequest.newBuilder(root.resolve(path))
                        .header("Content-Type", "application/json")
                        .header(NcpHeaders.TIMESTAMP, timestamp)
                        .header(NcpHeaders.ACCESS_KEY, SignedRequests.TENANT_A.accessKey())
                        .header(NcpHeaders.SIGNATURE, signer.sign("PATCH", path, timestamp))
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"keyType\": \"" + type + "\"}"))
                        .build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                ObjectNode answer = (ObjectNode) mapper.readTree(response.body());
                answer.put("type", type);
                answer.put("initialPrimary", initial.path("primaryKey").asText());
                answer.put("initialSecondary", initial.path("secondaryKey").asText());
                answers.add(answer);
            }
            return answers;
        };
    }

    private static String last(List<JsonNode> answers, String field) {
        return answers.get(answers.size() - 1).at("/apiKey/" + field).asText();
    }

    private JsonNode readUnchecked(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
