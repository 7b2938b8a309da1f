package dev.contractkit.ncp.server.gateway;

import static dev.contractkit.ncp.server.NcpEnvelope.assertEnvelope;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.server.SeededTenantTest;
import dev.contractkit.ncp.server.SignedRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway at the invoke URL: key checks, subscriptions, usage plans, counters, as NCP's gateway makes them. */
@QuarkusTest
class GatewayTest extends SeededTenantTest {
    static final String PAYMENTS = "/gateway/pay3x9v1zb/payments/sandbox";
    static final String WEATHER = "/gateway/wthr7k2m4q/weather-forecast/prod";

    static Response call(String key, String method, String path) {
        RequestSpecification request = given().contentType("application/json");
        if (key != null) {
            request.header("x-ncp-apigw-api-key", key);
        }
        return request.body(method.equals("GET") ? "" : "{\"amount\": 1200}").request(method, path);
    }

    /** A new key of tenant A, answered as {id, primary, secondary}. */
    private JsonPath newKey(String name) {
        return tenant.create(name, "gateway test").then().statusCode(201).extract().jsonPath();
    }

    private void accepted(String keyId, String productId) {
        tenant.sendJson("POST", "/api/v1/api-keys/" + keyId + "/subscribe", "{\"productId\": \"" + productId + "\"}").then().statusCode(200);
        tenant.sendJson("PATCH", "/api/v1/products/" + productId + "/api-keys/" + keyId, "{\"status\": \"ACCEPTED\"}").then().statusCode(204);
    }

    private List<Map<String, Object>> detail(String keyId, String productId) {
        return tenant.send("GET", "/api/v1/api-keys/" + keyId + "/subscription-detail?productId=" + productId)
                .then().statusCode(200).extract().jsonPath().getList("apiKeyRelations.content");
    }

    @Test
    void aProtectedProductAdmitsAKeyOnlyOnceItsSubscriptionIsAccepted() {
        JsonPath key = newKey("gw-protected");
        String id = key.getString("apiKey.apiKeyId");
        String primary = key.getString("apiKey.primaryKey");
        String secondary = key.getString("apiKey.secondaryKey");

        assertThat(assertEnvelope(call(primary, "POST", PAYMENTS + "/charges"), 401, "210")).isEqualTo("A subscription to the API is required.");
        tenant.sendJson("POST", "/api/v1/api-keys/" + id + "/subscribe", "{\"productId\": \"prodprt002\"}").then().statusCode(200);
        assertEnvelope(call(primary, "POST", PAYMENTS + "/charges"), 401, "210");
        tenant.sendJson("PATCH", "/api/v1/products/prodprt002/api-keys/" + id, "{\"status\": \"ACCEPTED\"}").then().statusCode(204);

        JsonPath echo = call(primary, "POST", PAYMENTS + "/charges/ch_1?expand=card").then().statusCode(200).extract().jsonPath();
        assertThat(echo.getMap("$")).containsEntry("productId", "prodprt002").containsEntry("apiName", "payments")
                .containsEntry("stageId", "stgpaysbx1").containsEntry("stageName", "sandbox").containsEntry("apiKeyId", id)
                .containsEntry("keyType", "PRIMARY").containsEntry("usagePlanId", "planpaysbx").containsEntry("method", "POST")
                .containsEntry("resourcePath", "/charges/ch_1").containsEntry("query", "expand=card");
        assertThat(call(secondary, "GET", PAYMENTS).then().statusCode(200).extract().jsonPath().getString("keyType")).isEqualTo("SECONDARY");
        assertThat(call(secondary, "GET", PAYMENTS).jsonPath().getString("resourcePath")).isEqualTo("/");
    }

    @Test
    void aPublicProductAdmitsAnyEnabledKeyWithoutASubscription() {
        String primary = newKey("gw-public").getString("apiKey.primaryKey");
        call(primary, "GET", WEATHER + "/forecasts/seoul").then().statusCode(200);
        call(primary, "DELETE", "/gateway/wthr7k2m4q/weather-observations/prod/x").then().statusCode(200);
    }

    @Test
    void missingUnknownDisabledDeletedAndRegeneratedAwayKeysAreAuthenticationFailures() {
        assertThat(assertEnvelope(call(null, "GET", WEATHER), 401, "200")).contains("x-ncp-apigw-api-key");
        assertEnvelope(call("no-such-key-value", "GET", WEATHER), 401, "200");

        String disabled = tenant.get("seedold003").jsonPath().getString("primaryKey");
        assertThat(assertEnvelope(call(disabled, "GET", WEATHER), 401, "200")).contains("disabled");

        JsonPath key = newKey("gw-rotated");
        String id = key.getString("apiKey.apiKeyId");
        String old = key.getString("apiKey.primaryKey");
        call(old, "GET", WEATHER).then().statusCode(200);
        String fresh = tenant.regenerate(id, "PRIMARY").then().statusCode(200).extract().jsonPath().getString("apiKey.primaryKey");
        assertEnvelope(call(old, "GET", WEATHER), 401, "200");
        call(fresh, "GET", WEATHER).then().statusCode(200);

        tenant.send("DELETE", "/api/v1/api-keys/" + id).then().statusCode(204);
        assertEnvelope(call(fresh, "GET", WEATHER), 401, "200");
    }

    @Test
    void unknownRoutesUnpublishedProductsAndUndeployedStagesAreNotFound() {
        String primary = newKey("gw-routes").getString("apiKey.primaryKey");
        assertThat(assertEnvelope(call(primary, "GET", "/gateway/nosuchid00/weather-forecast/prod"), 404, "300")).contains("nosuchid00");
        assertThat(assertEnvelope(call(primary, "GET", "/gateway/wthr7k2m4q/no-such-api/prod/x"), 404, "300")).contains("no-such-api");
        assertThat(assertEnvelope(call(primary, "GET", "/gateway/wthr7k2m4q/weather-forecast/qa/x"), 404, "300")).contains("qa");
        assertThat(assertEnvelope(call(primary, "GET", "/gateway/rec5t8w2na/recommendations/prod/x"), 404, "300")).contains("not published");
        assertEnvelope(call(primary, "GET", "/gateway/wthr7k2m4q"), 404, "300");
        // the route is checked before the key
        assertEnvelope(call(null, "GET", "/gateway/nosuchid00/a/b"), 404, "300");
    }

    @Test
    void theHostFormAnswersLikeThePathForm() {
        String primary = newKey("gw-host").getString("apiKey.primaryKey");
        given().header("Host", "wthr7k2m4q.apigw.localhost:8080").header("x-ncp-apigw-api-key", primary)
                .get("/weather-forecast/prod/forecasts").then().statusCode(200)
                .body("productId", org.hamcrest.Matchers.equalTo("prodpub001"))
                .body("resourcePath", org.hamcrest.Matchers.equalTo("/forecasts"));
        Response refused = given().header("Host", "wthr7k2m4q.apigw.localhost").get("/weather-forecast/prod/forecasts");
        assertEnvelope(refused, 401, "200");
    }

    @Test
    void theSandboxPlansRateRefusesTheSixthCallOfASecondAndTheNextSecondAdmitsAgain() {
        JsonPath key = newKey("gw-rate");
        String id = key.getString("apiKey.apiKeyId");
        accepted(id, "prodprt002");
        clock.fixAt(Instant.parse("2026-03-10T10:00:00.100Z").toEpochMilli());
        String primary = key.getString("apiKey.primaryKey");
        String secondary = key.getString("apiKey.secondaryKey");
        for (int i = 0; i < 5; i++) {
            call(i % 2 == 0 ? primary : secondary, "GET", PAYMENTS).then().statusCode(200);
        }
        assertThat(assertEnvelope(call(primary, "GET", PAYMENTS), 429, "420")).contains("planpaysbx").contains("5");
        clock.advance(Duration.ofSeconds(1));
        call(primary, "GET", PAYMENTS).then().statusCode(200);

        Map<String, Object> sandbox = detail(id, "prodprt002").stream().filter(row -> "stgpaysbx1".equals(row.get("stageId"))).findFirst().orElseThrow();
        assertThat(sandbox).containsEntry("dailyUsage", 6).containsEntry("monthlyUsage", 6)
                .containsEntry("dayCallCount", 7).containsEntry("monthCallCount", 7);
    }

    @Test
    void theDayQuotaRefusesTheHundredAndFirstCallUntilMidnightAndTheCountersShowIt() {
        JsonPath key = newKey("gw-quota");
        String id = key.getString("apiKey.apiKeyId");
        String primary = key.getString("apiKey.primaryKey");
        accepted(id, "prodprt002");
        Instant start = Instant.parse("2026-03-10T23:00:00Z");
        for (int i = 0; i < 100; i++) {
            clock.fixAt(start.plusSeconds(i).toEpochMilli()); // one call a second: under the rate
            call(primary, "GET", PAYMENTS).then().statusCode(200);
        }
        clock.fixAt(start.plusSeconds(200).toEpochMilli());
        assertThat(assertEnvelope(call(primary, "GET", PAYMENTS), 429, "400")).contains("quota");
        assertThat(detail(id, "prodprt002").stream().filter(row -> "stgpaysbx1".equals(row.get("stageId"))).findFirst().orElseThrow())
                .containsEntry("dailyUsage", 100).containsEntry("dayCallCount", 101).containsEntry("monthlyUsage", 100);

        clock.fixAt(Instant.parse("2026-03-11T00:00:01Z").toEpochMilli());
        call(primary, "GET", PAYMENTS).then().statusCode(200);
        assertThat(detail(id, "prodprt002").stream().filter(row -> "stgpaysbx1".equals(row.get("stageId"))).findFirst().orElseThrow())
                .containsEntry("dailyUsage", 1).containsEntry("dayCallCount", 1).containsEntry("monthlyUsage", 101);

        tenant.sendJson("POST", "/mock/reset", "{}").then().statusCode(200);
        assertThat(tenant.get(id).statusCode()).isEqualTo(404);
    }

    @Test
    void theStagesThrottleCountsEveryKeyAndRefusesWithThrottleLimited() {
        String first = newKey("gw-throttle-1").getString("apiKey.primaryKey");
        String second = newKey("gw-throttle-2").getString("apiKey.primaryKey");
        clock.fixAt(Instant.parse("2026-03-10T10:00:00Z").toEpochMilli());
        String dev = "/gateway/wthr7k2m4q/weather-forecast/dev/now";
        for (int i = 0; i < 8; i++) {
            call(i % 2 == 0 ? first : second, "GET", dev).then().statusCode(200);
        }
        assertThat(assertEnvelope(call(first, "GET", dev), 429, "410")).contains("8");
    }

    @Test
    void theJournalRecordsGatewayCallsWithTheKeyIdAndNeverTheValue() {
        JsonPath key = newKey("gw-journal");
        String primary = key.getString("apiKey.primaryKey");
        tenant.send("DELETE", "/mock/requests").then().statusCode(204);
        call(primary, "POST", WEATHER + "/forecasts").then().statusCode(200);
        call("unknown-value", "GET", WEATHER).then().statusCode(401);
        String journal = tenant.send("GET", "/mock/requests").then().statusCode(200).extract().asString();
        List<Map<String, Object>> entries = JsonPath.from(journal).getList("requests");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0)).containsEntry("path", WEATHER + "/forecasts").containsEntry("status", 200)
                .containsEntry("apiKeyId", key.getString("apiKey.apiKeyId")).containsEntry("body", "{\"amount\": 1200}");
        assertThat(entries.get(1)).containsEntry("status", 401).containsEntry("errorCode", "200").containsEntry("apiKeyId", null);
        assertThat(journal).doesNotContain(primary);
    }
}
