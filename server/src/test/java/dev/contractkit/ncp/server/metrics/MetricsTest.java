package dev.contractkit.ncp.server.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.contractkit.ncp.server.SeededTenantTest;
import dev.contractkit.ncp.server.SignedRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/metrics} as Prometheus scrapes it: every count equals the calls made (read before and after, since
 * the application serves every test class of the module), the labels bounded, no key value or id in them.
 */
@QuarkusTest
class MetricsTest extends SeededTenantTest {
    static final String WEATHER_NOW = "/gateway/wthr7k2m4q/weather-observations/prod/now";
    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)(?:\\{(.*)})? ([0-9.eE+-]+|NaN)$");

    /** The scrape, as Prometheus reads it. */
    static String scrape() {
        return given().accept("text/plain").get("/q/metrics").then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/plain"))
                .extract().asString();
    }

    /** The value of the one sample of {@code name} with exactly these labels (0 when there is none yet). */
    static double value(String scrape, String name, Map<String, String> labels) {
        double found = 0;
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches() && sample.group(1).equals(name) && labelsOf(sample.group(2)).equals(labels)) {
                found += Double.parseDouble(sample.group(3));
            }
        }
        return found;
    }

    private static Map<String, String> labelsOf(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(pair -> !pair.isEmpty()).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1].replaceAll("^\"|\"$", "")));
    }

    private static Map<String, String> call(String kind, String operation, int status) {
        return Map.of("kind", kind, "operation", operation, "status", Integer.toString(status));
    }

    @Test
    void callsAreCountedByOperationAndStatusExactly() {
        String id = tenant.createdId("metered");
        String before = scrape();
        for (int i = 0; i < 7; i++) {
            tenant.regenerate(id, "PRIMARY").then().statusCode(200);
        }
        tenant.regenerate("nosuchkey1", "PRIMARY").then().statusCode(404);
        given().contentType("application/json").body("{\"keyType\": \"PRIMARY\"}").patch("/api/v1/api-keys/" + id).then().statusCode(401);
        tenant.send("GET", "/api/v1/api-keys/" + id).then().statusCode(200);
        tenant.send("GET", "/api/v1/nothing-here").then().statusCode(404);
        String after = scrape();

        assertThat(delta(before, after, "ncp_mock_calls_total", call("api", "regenerateApiKey", 200))).isEqualTo(7);
        assertThat(delta(before, after, "ncp_mock_calls_total", call("api", "regenerateApiKey", 404))).isEqualTo(1);
        assertThat(delta(before, after, "ncp_mock_calls_total", call("api", "regenerateApiKey", 401))).as("refused before the resource").isEqualTo(1);
        assertThat(delta(before, after, "ncp_mock_calls_total", call("api", "getApiKey", 200))).isEqualTo(1);
        assertThat(delta(before, after, "ncp_mock_calls_total", call("api", "unknown", 404))).isEqualTo(1);
        assertThat(after).as("no key id in a label").doesNotContain(id);
        assertThat(given().get("/q/metrics").then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("application/openmetrics-text")).extract().asString())
                .as("OpenMetrics too").contains("ncp_mock_calls_total{kind=\"api\",operation=\"regenerateApiKey\",status=\"200\"}");
    }

    @Test
    void gatewayAdmissionsAndRefusalsAreCountedByCode() {
        JsonPath created = tenant.create("gateway-metered", "d").then().statusCode(201).extract().jsonPath();
        String primary = created.getString("apiKey.primaryKey");
        String before = scrape();
        for (int i = 0; i < 4; i++) {
            given().header("x-ncp-apigw-api-key", primary).get(WEATHER_NOW).then().statusCode(200);
        }
        given().header("x-ncp-apigw-api-key", "not-a-key-of-anyone").get(WEATHER_NOW).then().statusCode(401);
        given().get(WEATHER_NOW).then().statusCode(401);
        String after = scrape();

        assertThat(delta(before, after, "ncp_mock_gateway_calls_total", Map.of("outcome", "admitted", "code", "none"))).isEqualTo(4);
        assertThat(delta(before, after, "ncp_mock_gateway_calls_total", Map.of("outcome", "refused", "code", "200"))).isEqualTo(2);
        assertThat(delta(before, after, "ncp_mock_calls_total", call("gateway", "gateway", 200))).isEqualTo(4);
        assertThat(after).as("no key value in a label").doesNotContain(primary);
    }

    @Test
    void storeLatencyWorkspacesAndTheJournalAreShown() {
        String before = scrape();
        tenant.createdId("timed");
        String after = scrape();
        Map<String, String> create = Map.of("store", "KeyStore", "call", "create");
        assertThat(delta(before, after, "ncp_mock_store_latency_seconds_count", create)).isEqualTo(1);
        assertThat(value(after, "ncp_mock_store_latency_seconds_sum", create)).isPositive();
        assertThat(after).contains("ncp_mock_store_latency_seconds_bucket{call=\"create\",store=\"KeyStore\",le=\"0.001\"");

        double workspaces = value(scrape(), "ncp_mock_workspaces", Map.of());
        String id = given().contentType("application/json").body("{}").post("/mock/workspaces").then().statusCode(201)
                .extract().path("workspace.workspaceId");
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(value(scrape(), "ncp_mock_workspaces", Map.of())).isEqualTo(workspaces + 1));
            given().contentType("application/json").delete("/mock/requests").then().statusCode(204);
            tenant.createdId("journaled");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(value(scrape(), "ncp_mock_journal_entries", Map.of("journal", "configured"))).isEqualTo(1));
        } finally {
            given().contentType("application/json").delete("/mock/workspaces/" + id).then().statusCode(204);
        }
    }

    private static double delta(String before, String after, String name, Map<String, String> labels) {
        return value(after, name, labels) - value(before, name, labels);
    }
}
