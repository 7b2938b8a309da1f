package dev.contractkit.ncp.server.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.contractkit.ncp.server.CapturedLog;
import dev.contractkit.ncp.server.SignedRequests;
import dev.contractkit.ncp.server.upstream.DriftLog;
import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.signature.NcpHeaders;
import dev.contractkit.ncp.signature.SignatureVerifier;
import dev.contractkit.ncp.testsupport.DriftedNcp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proxy mode in front of an upstream that drifted from the spec in three ways (a renamed field, an unknown enum
 * value, an undocumented status): the answers come back unchanged, each drift is listed once at
 * {@code GET /mock/drift} and logged once, the upstream sees the real credentials' signature, and the
 * recording holds no secret.
 */
@QuarkusTest
@TestProfile(ProxyDriftTest.Profile.class)
class ProxyDriftTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DriftedUpstream.class));
        }
    }

    @Inject
    Clock clock;

    SignedRequests tenant;

    @BeforeEach
    void clear() {
        tenant = SignedRequests.as(SignedRequests.TENANT_A, clock);
        given().auth().oauth2(DriftedUpstream.ADMIN_TOKEN).contentType("application/json").delete("/mock/drift").then().statusCode(204);
    }

    @Test
    void theUpstreamsAnswersComeBackUnchanged() {
        assertThat(tenant.send("GET", "/api/v1/api-keys").then().statusCode(200).extract().asString()).isEqualTo(DriftedNcp.KEY_LIST);
        assertThat(tenant.send("GET", "/api/v1/products/prodpub001").then().statusCode(418).extract().asString()).isEqualTo(DriftedNcp.TEAPOT);
        tenant.send("GET", "/api/v1/api-keys/nosuchkey1").then().statusCode(404).body("error.errorCode", equalTo("300"));
    }

    @Test
    void eachDriftIsListedOnceWithItsCountAndLoggedOnce() {
        try (CapturedLog log = CapturedLog.of(DriftLog.class, Level.WARNING)) {
            for (int round = 0; round < 2; round++) {
                tenant.send("GET", "/api/v1/api-keys?offset=0&limit=10").then().statusCode(200);
                tenant.send("GET", "/api/v1/products").then().statusCode(200);
                tenant.send("GET", "/api/v1/products/prodpub001").then().statusCode(418);
            }
            JsonPath drift = await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(DriftedUpstream.ADMIN_TOKEN).get("/mock/drift").then().statusCode(200).extract().jsonPath(),
                    report -> report.getLong("checkedExchanges") == 6);

            assertThat(drift.getLong("exchangesWithDrift")).isEqualTo(6);
            List<Map<String, Object>> kinds = drift.getList("drift");
            assertThat(kinds).extracting(kind -> kind.get("rule") + " " + kind.get("status") + " " + kind.get("pointer"))
                    .contains("validation.response.body.schema.additionalProperties 200 /apiKeys/0",
                            "validation.response.body.schema.enum 200 /productPage/content/0/subscriptionCode",
                            "validation.response.status.unknown 418 ");
            assertThat(kinds).allSatisfy(kind -> assertThat(kind.get("count")).isEqualTo(2));
            assertThat(kinds).extracting(kind -> (String) kind.get("operation"))
                    .anyMatch(operation -> operation.contains("GET /api/v1/api-keys"))
                    .anyMatch(operation -> operation.contains("GET /api/v1/products/{product-id}"));
            Map<String, Object> renamed = kinds.stream().filter(kind -> "/apiKeys/0".equals(kind.get("pointer"))).findFirst().orElseThrow();
            assertThat((String) renamed.get("excerpt")).contains("\"enabled\"").doesNotContain(DriftedNcp.PRIMARY_KEY)
                    .doesNotContain(DriftedNcp.SECONDARY_KEY).contains("*****0001");
            assertThat(log.lines()).as("each kind logged the first time only").hasSize(kinds.size());
        }
    }

    /** The console of a proxy shows its drift report, and the metrics count its calls as proxied, by operation. */
    @Test
    void theConsoleShowsTheDriftAndTheMetricsCountTheProxiedCalls() {
        tenant.send("GET", "/api/v1/products/prodpub001").then().statusCode(418);
        JsonPath state = await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(DriftedUpstream.ADMIN_TOKEN)
                .queryParam("tenant", "tenant:0").get("/mock/console/state").then().statusCode(200).extract().jsonPath(),
                console -> console.getLong("drift.checkedExchanges") == 1);
        assertThat(state.getBoolean("proxy")).isTrue();
        assertThat(state.getList("drift.drift.rule", String.class)).contains("validation.response.status.unknown");
        assertThat(state.getMap("drift")).isEqualTo(given().auth().oauth2(DriftedUpstream.ADMIN_TOKEN).get("/mock/drift").jsonPath().getMap(""));
        given().get("/mock/console/state").then().statusCode(401);
        assertThat(given().accept("text/plain").get("/q/metrics").asString())
                .contains("ncp_mock_calls_total{kind=\"proxied\",operation=\"getProduct\",status=\"418\"");
    }

    @Test
    void theUpstreamGetsTheRealCredentialsSignature() {
        int before = DriftedUpstream.upstream.arrivals().size();
        tenant.send("GET", "/api/v1/api-keys?offset=0&limit=5").then().statusCode(200);

        DriftedNcp.Arrival arrival = DriftedUpstream.upstream.arrivals().get(before);
        assertThat(arrival.pathAndQuery()).isEqualTo("/api/v1/api-keys?offset=0&limit=5");
        assertThat(arrival.headers()).containsEntry(NcpHeaders.ACCESS_KEY, DriftedUpstream.ACCESS);
        SignatureVerifier upstreamSide = new SignatureVerifier(List.of(new NcpCredentials(DriftedUpstream.ACCESS, DriftedUpstream.SECRET)),
                clock, Duration.ofMinutes(5));
        assertThat(upstreamSide.verify("GET", arrival.pathAndQuery(), arrival.headers().get(NcpHeaders.TIMESTAMP),
                arrival.headers().get(NcpHeaders.ACCESS_KEY), arrival.headers().get(NcpHeaders.SIGNATURE)).isValid()).isTrue();
    }

    @Test
    void aRequestTheMockRefusesIsNotForwarded() {
        int before = DriftedUpstream.upstream.arrivals().size();
        SignedRequests.as(new NcpCredentials(SignedRequests.TENANT_A.accessKey(), "WRONGSECRET"), clock).send("GET", "/api/v1/api-keys")
                .then().statusCode(401).body("error.errorCode", equalTo("200"));

        assertThat(DriftedUpstream.upstream.arrivals()).hasSize(before);
    }

    @Test
    void theRecordingHoldsEveryExchangeAndNoSecret() throws IOException {
        tenant.send("GET", "/api/v1/api-keys").then().statusCode(200);
        tenant.send("GET", "/api/v1/products/prodpub001").then().statusCode(418);
        Path folder = DriftedUpstream.recordings;

        List<Path> files = await().atMost(Duration.ofSeconds(10)).until(() -> list(folder), found -> found.size() >= 2);
        String all = String.join("\n", files.stream().map(ProxyDriftTest::read).toList());
        assertThat(all).contains("\"path\" : \"/api/v1/api-keys\"").contains("\"status\" : 418").contains("*****0001");
        for (String secret : List.of(DriftedUpstream.SECRET, DriftedUpstream.ACCESS, SignedRequests.TENANT_A.secretKey(),
                SignedRequests.TENANT_A.accessKey(), DriftedNcp.PRIMARY_KEY, DriftedNcp.SECONDARY_KEY)) {
            assertThat(all).as("the recording holds %s", secret.substring(0, 4)).doesNotContain(secret);
        }
        assertThat(files).allSatisfy(file -> assertThat(file.getFileName().toString()).matches("\\d{5}-(GET|POST|PUT|PATCH|DELETE)-.*\\.json"));
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
