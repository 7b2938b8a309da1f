package dev.contractkit.ncp.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.SignedRequests;
import dev.contractkit.ncp.server.TestClock;
import dev.contractkit.ncp.signature.NcpHeaders;
import dev.contractkit.ncp.signature.NcpSigner;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConcurrentRegenerationTest {
    private static final int REGENERATIONS = 40;

    @Inject
    TestClock clock;

    @Inject
    ObjectMapper mapper;

    @TestHTTPResource("/")
    URI root;

    @Test
    void fortyConcurrentRegenerationsOfOneKeyAnswerFortyDistinctKeysAndTheLastOneSticks() throws Exception {
        SignedRequests tenant = SignedRequests.as(SignedRequests.TENANT_A, clock);
        String id = tenant.createdId("concurrent");
        String path = "/api/v1/api-keys/" + id;
        HttpClient http = HttpClient.newHttpClient();
        NcpSigner signer = new NcpSigner(SignedRequests.TENANT_A);
        CountDownLatch start = new CountDownLatch(1);

        ExecutorService pool = Executors.newFixedThreadPool(REGENERATIONS);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < REGENERATIONS; i++) {
                answers.add(pool.submit(() -> {
                    String timestamp = Long.toString(clock.millis());
                    HttpRequest request = HttpRequest.newBuilder(root.resolve(path))
                            .header("Content-Type", "application/json")
                            .header(NcpHeaders.TIMESTAMP, timestamp)
                            .header(NcpHeaders.ACCESS_KEY, SignedRequests.TENANT_A.accessKey())
                            .header(NcpHeaders.SIGNATURE, signer.sign("PATCH", path, timestamp))
                            .method("PATCH", HttpRequest.BodyPublishers.ofString("""
                                    {"keyType": "PRIMARY"}
                                    """))
                            .build();
                    start.await();
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            List<String> newKeys = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).isEqualTo(200);
                JsonNode body = mapper.readTree(response.body());
                newKeys.add(body.at("/apiKey/primaryKey").asText());
            }

            assertThat(newKeys).hasSize(REGENERATIONS).doesNotHaveDuplicates();
            String finalKey = tenant.get(id).then().statusCode(200).extract().path("primaryKey");
            assertThat(newKeys).contains(finalKey);
        } finally {
            pool.shutdownNow();
        }
    }

}
