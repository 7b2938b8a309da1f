package dev.contractkit.ncp.server.switches;

import static dev.contractkit.ncp.server.NcpEnvelope.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.contractkit.ncp.server.SignedRequests;
import dev.contractkit.ncp.server.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class MockSwitchFilterTest {

    @Inject
    TestClock clock;

    SignedRequests tenant;

    @BeforeEach
    void signAsTenantA() {
        tenant = SignedRequests.as(SignedRequests.TENANT_A, clock);
    }

    @ParameterizedTest(name = "fault {0} answers {1}")
    @CsvSource({"410, 429", "400, 429", "420, 429", "500, 503", "510, 504", "900, 500", "100, 400", "230, 403"})
    void aFaultHeaderForcesThatNcpError(String code, int status) {
        var response = tenant.signed("GET", "/api/v1/api-keys").header(MockSwitchFilter.FAULT_HEADER, code).get("/api/v1/api-keys");
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.jsonPath().getString("error.errorCode")).isEqualTo(code);
        assertThat(response.jsonPath().getString("error.details")).contains("fault switch");
    }

    @Test
    void aForcedErrorChangesNothing() {
        String id = tenant.createdId("forced-error");
        String before = tenant.get(id).then().extract().path("primaryKey");
        String path = "/api/v1/api-keys/" + id;
        tenant.signed("PATCH", path).header(MockSwitchFilter.FAULT_HEADER, "500")
                .contentType("application/json").body("{\"keyType\": \"PRIMARY\"}").patch(path).then().statusCode(503);
        tenant.get(id).then().body("primaryKey", equalTo(before));
    }

    @Test
    void aCrashInsideTheHandlerAnswers500WithCode900AndTheServerStaysUp() {
        var response = tenant.signed("GET", "/api/v1/api-keys").header(MockSwitchFilter.FAULT_HEADER, "crash").get("/api/v1/api-keys");
        assertEnvelope(response, 500, "900");
        tenant.send("GET", "/api/v1/api-keys").then().statusCode(200);
    }

    @Test
    void aLatencyHeaderDelaysTheAnswer() {
        long started = System.nanoTime();
        tenant.signed("GET", "/api/v1/api-keys").header(MockSwitchFilter.LATENCY_HEADER, "300").get("/api/v1/api-keys")
                .then().statusCode(200);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    @Test
    void aLatencyRangeDelaysAtLeastItsMinimum() {
        long started = System.nanoTime();
        tenant.signed("GET", "/api/v1/api-keys").header(MockSwitchFilter.LATENCY_HEADER, "150-250").get("/api/v1/api-keys")
                .then().statusCode(200);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(150);
    }

    @Test
    void badSwitchValuesAnswer400() {
        assertThat(assertEnvelope(tenant.signed("GET", "/api/v1/api-keys").header(MockSwitchFilter.FAULT_HEADER, "777")
                .get("/api/v1/api-keys"), 400, "100")).contains(MockSwitchFilter.FAULT_HEADER);
        assertThat(assertEnvelope(tenant.signed("GET", "/api/v1/api-keys").header(MockSwitchFilter.LATENCY_HEADER, "soon")
                .get("/api/v1/api-keys"), 400, "100")).contains(MockSwitchFilter.LATENCY_HEADER);
    }

    @Test
    void switchesNeedAValidSignatureFirst() {
        assertEnvelope(RestAssured.given().header(MockSwitchFilter.FAULT_HEADER, "410").get("/api/v1/api-keys"), 401, "200");
    }

    @Test
    void resetBringsBackTheSeedData() {
        tenant.regenerate("seedweb001", "PRIMARY").then().statusCode(200);
        tenant.send("DELETE", "/api/v1/api-keys/seedmob002").then().statusCode(204);
        String created = tenant.createdId("before-reset");

        RestAssured.given().contentType("application/json").post("/mock/reset").then().statusCode(200).body("seededApiKeys", equalTo(6));

        tenant.get("seedmob002").then().statusCode(200).body("apiKeyName", equalTo("mobile-app"));
        tenant.get(created).then().statusCode(404);
        tenant.send("GET", "/api/v1/api-keys").then().body("total", equalTo(3));
    }
}
