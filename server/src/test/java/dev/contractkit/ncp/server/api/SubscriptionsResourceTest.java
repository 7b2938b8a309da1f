package dev.contractkit.ncp.server.api;

import static dev.contractkit.ncp.server.NcpEnvelope.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.contractkit.ncp.server.SignedRequests;
import dev.contractkit.ncp.server.TestClock;
import dev.contractkit.ncp.server.auth.Tenants;
import dev.contractkit.ncp.server.pact.ProviderStates;
import dev.contractkit.ncp.server.seed.SeedData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API-key lifecycle around products, as a frontend drives it: subscribe, approve, plan, rotate, unsubscribe, delete. */
@QuarkusTest
class SubscriptionsResourceTest {
    static final String PUBLIC = "prodpub001";
    static final String PROTECTED = "prodprt002";

    @Inject
    TestClock clock;

    @Inject
    ProviderStates providerStates;

    @Inject
    Tenants tenants;

    @Inject
    SeedData mockState;

    SignedRequests tenant;
    SignedRequests other;

    @BeforeEach
    void sign() {
        tenant = SignedRequests.as(SignedRequests.TENANT_A, clock);
        other = SignedRequests.as(SignedRequests.TENANT_B, clock);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private Response subscribe(SignedRequests as, String keyId, String productId) {
        return as.sendJson("POST", "/api/v1/api-keys/" + keyId + "/subscribe", "{\"productId\": \"" + productId + "\"}");
    }

    private Response unsubscribe(String keyId, String productId) {
        return tenant.sendJson("POST", "/api/v1/api-keys/" + keyId + "/unsubscribe", "{\"productId\": \"" + productId + "\"}");
    }

    private Response decide(String productId, String keyId, String status) {
        return tenant.sendJson("PATCH", "/api/v1/products/" + productId + "/api-keys/" + keyId, "{\"status\": \"" + status + "\"}");
    }

    private Response setPlan(String productId, String keyId, String stageId, String body) {
        return tenant.sendJson("PUT", "/api/v1/products/" + productId + "/api-keys/" + keyId + "/stages/" + stageId, body);
    }

    private Response detail(String keyId, String productId) {
        return tenant.send("GET", "/api/v1/api-keys/" + keyId + "/subscription-detail?productId=" + productId);
    }

    private Response productSearch(String productId, String body) {
        return tenant.sendJson("POST", "/api/v1/products/" + productId + "/api-keys/search", body);
    }

    /** Everything a refused call could have changed, for "nothing changed" checks. */
    private String stateOf(String keyId) {
        return tenant.send("GET", "/api/v1/api-keys/" + keyId + "/products").asString()
                + productSearch(PUBLIC, "{}").asString() + productSearch(PROTECTED, "{}").asString()
                + detail(keyId, PUBLIC).asString() + detail(keyId, PROTECTED).asString();
    }

    @Test
    void listsTheSeededProductsWithNcpsFieldsAndFilters() {
        tenant.send("GET", "/api/v1/products").then().statusCode(200)
                .body("productPage.total", equalTo(3))
                .body("initialCount", equalTo(3))
                .body("productPage.content.productId", contains(PUBLIC, PROTECTED, "prodbeta03"))
                .body("productPage.content[0].subscriptionCode", equalTo("PUBLIC"))
                .body("productPage.content[1].subscriptionCode", equalTo("PROTECTED"))
                .body("productPage.content[0].hasDeployedStage", equalTo(true))
                .body("productPage.content[0].domainCode", equalTo("PUB"))
                .body("productPage.content[0].isDeleted", equalTo(false));
        tenant.send("GET", "/api/v1/products?subscriptionCode=PROTECTED").then().statusCode(200)
                .body("productPage.content.productId", contains(PROTECTED, "prodbeta03")).body("initialCount", equalTo(3));
        tenant.send("GET", "/api/v1/products?productName=Weath").then().body("productPage.content.productId", contains(PUBLIC));
        tenant.send("GET", "/api/v1/products?isPublished=false").then().body("productPage.content.productId", contains("prodbeta03"));
        tenant.send("GET", "/api/v1/products?hasDeployedStage=false").then().body("productPage.content.productId", contains("prodbeta03"));
        tenant.send("GET", "/api/v1/products?hasStageNotAssociatedWithUsagePlanId=planfree01").then()
                .body("productPage.content.productId", contains(PROTECTED, "prodbeta03"));
        tenant.send("GET", "/api/v1/products?offset=1&limit=1").then()
                .body("productPage.content.productId", contains(PROTECTED)).body("productPage.total", equalTo(3));
        tenant.send("GET", "/api/v1/products/" + PROTECTED).then().statusCode(200)
                .body("product.productName", equalTo("Payments"))
                .body("product.subscriptionCode", equalTo("PROTECTED"))
                .body("product.tenantId", equalTo(tenants.configured().get(0).tenantId()));
        assertEnvelope(tenant.send("GET", "/api/v1/products/nosuchprod"), 404, "300");
        assertEnvelope(tenant.send("GET", "/api/v1/products?subscriptionCode=SECRET"), 400, "100");
        assertEnvelope(tenant.send("GET", "/api/v1/products?limit=0"), 400, "100");
    }

    @Test
    void aPublicProductAcceptsAtOnceAndReachesEveryStageOnItsDefaultPlanUntilOneIsSet() {
        String key = tenant.createdId("weather-app");
        subscribe(tenant, key, PUBLIC).then().statusCode(200).body(emptyString());
        tenant.send("GET", "/api/v1/api-keys/" + key + "/products").then().statusCode(200)
                .body("total", equalTo(1))
                .body("apiKeyRelateProductDtos[0].productId", equalTo(PUBLIC))
                .body("apiKeyRelateProductDtos[0].status", equalTo("ACCEPTED"))
                .body("apiKeyRelateProductDtos[0].isSelfProduct", equalTo(true));
        detail(key, PUBLIC).then().statusCode(200)
                .body("apiKeyRelations.total", equalTo(3))
                .body("apiKeyRelations.content.stageId", contains("stgwthrdev", "stgwthrprd", "stgobsprd1"))
                .body("apiKeyRelations.content.usagePlanId", contains("planfree01", "planfree01", "planfree01"))
                .body("apiKeyRelations.content[0].dayCallCount", equalTo(0));

        setPlan(PUBLIC, key, "stgwthrprd", "{\"usagePlanId\": \"planpro001\"}").then().statusCode(204).body(emptyString());
        tenant.send("GET", "/api/v1/api-keys/" + key + "/subscription-detail?productId=" + PUBLIC + "&stageId=stgwthrprd").then()
                .body("apiKeyRelations.content", hasSize(1))
                .body("apiKeyRelations.content[0].usagePlanId", equalTo("planpro001"))
                .body("apiKeyRelations.content[0].usagePlanName", equalTo("Pro"));
        tenant.send("GET", "/api/v1/products/" + PUBLIC + "/subscription-detail?apiKeyId=" + key + "&apiId=apiwthr002").then()
                .statusCode(200).body("apiKeyRelations.content.stageId", contains("stgobsprd1"));
        setPlan(PUBLIC, key, "stgwthrprd", "{}").then().statusCode(204);
        tenant.send("GET", "/api/v1/api-keys/" + key + "/subscription-detail?productId=" + PUBLIC + "&stageId=stgwthrprd").then()
                .body("apiKeyRelations.content[0].usagePlanId", equalTo("planfree01"));

        unsubscribe(key, PUBLIC).then().statusCode(200).body(emptyString());
        tenant.send("GET", "/api/v1/api-keys/" + key + "/products").then().body("total", equalTo(0));
        detail(key, PUBLIC).then().statusCode(200).body("apiKeyRelations.total", equalTo(0));
        assertEnvelope(unsubscribe(key, PUBLIC), 404, "300");
    }

    @Test
    void aProtectedProductWaitsForApprovalAndARejectedKeyMayAskAgain() {
        String key = tenant.createdId("payments-app");
        subscribe(tenant, key, PROTECTED).then().statusCode(200);
        String requestedAt = productSearch(PROTECTED, "{\"apiKeyId\": \"" + key + "\"}").then()
                .body("apiKeyPage.content[0].status", equalTo("REQUEST")).extract().path("apiKeyPage.content[0].regTime");
        detail(key, PROTECTED).then().body("apiKeyRelations.total", equalTo(0));
        tenant.sendJson("POST", "/api/v1/api-keys/search", "{\"productId\": \"" + PROTECTED + "\", \"statusSet\": [\"REQUEST\"]}").then()
                .statusCode(200).body("apiKeys.apiKeyId", contains(key)).body("apiKeys[0].disabled", equalTo(false));
        tenant.sendJson("POST", "/api/v1/api-keys/search", "{\"productId\": \"" + PROTECTED + "\", \"statusSet\": [\"ACCEPTED\"]}").then()
                .body("total", equalTo(0));

        // asking twice while pending changes nothing
        clock.advance(Duration.ofMinutes(1));
        subscribe(tenant, key, PROTECTED).then().statusCode(200);
        productSearch(PROTECTED, "{\"apiKeyId\": \"" + key + "\"}").then()
                .body("apiKeyPage.content[0].status", equalTo("REQUEST"))
                .body("apiKeyPage.content[0].regTime", equalTo(requestedAt));

        decide(PROTECTED, key, "ACCEPTED").then().statusCode(204).body(emptyString());
        detail(key, PROTECTED).then().body("apiKeyRelations.content.stageId", contains("stgpaysbx1", "stgpayprd1"));
        decide(PROTECTED, key, "REJECTED").then().statusCode(204);
        productSearch(PROTECTED, "{\"statusSet\": [\"REJECTED\"]}").then().body("apiKeyPage.content.apiKeyId", contains(key));
        detail(key, PROTECTED).then().body("apiKeyRelations.total", equalTo(0));

        // after a rejection, subscribing again is a new request
        clock.advance(Duration.ofMinutes(1));
        subscribe(tenant, key, PROTECTED).then().statusCode(200);
        String again = productSearch(PROTECTED, "{\"apiKeyId\": \"" + key + "\"}").then()
                .body("apiKeyPage.content[0].status", equalTo("REQUEST")).extract().path("apiKeyPage.content[0].regTime");
        assertThat(again).isNotEqualTo(requestedAt);
    }

    @Test
    void regeneratingAKeyChangesWhatItsKeyValueFinds() {
        String key = tenant.createdId("rotating-app");
        subscribe(tenant, key, PUBLIC).then().statusCode(200);
        String oldPrimary = tenant.get(key).then().extract().path("primaryKey");
        String secondary = tenant.get(key).then().extract().path("secondaryKey");
        productSearch(PUBLIC, "{\"apiKeyValue\": \"" + oldPrimary + "\"}").then().body("apiKeyPage.content.apiKeyId", contains(key));

        String newPrimary = tenant.regenerate(key, "PRIMARY").then().statusCode(200).extract().path("apiKey.primaryKey");
        productSearch(PUBLIC, "{\"apiKeyValue\": \"" + oldPrimary + "\"}").then().statusCode(200).body("apiKeyPage.total", equalTo(0));
        productSearch(PUBLIC, "{\"apiKeyValue\": \"" + newPrimary + "\"}").then()
                .body("apiKeyPage.content.apiKeyId", contains(key))
                .body("apiKeyPage.content[0].primaryKey", equalTo(newPrimary));
        productSearch(PUBLIC, "{\"apiKeyValue\": \"" + secondary + "\"}").then().body("apiKeyPage.content.apiKeyId", contains(key));
    }

    @Test
    void deletingAKeyEndsItsSubscriptions() {
        String key = tenant.createdId("short-lived");
        String kept = tenant.createdId("long-lived");
        subscribe(tenant, key, PUBLIC).then().statusCode(200);
        subscribe(tenant, kept, PUBLIC).then().statusCode(200);
        subscribe(tenant, key, PROTECTED).then().statusCode(200);
        tenant.send("DELETE", "/api/v1/api-keys/" + key).then().statusCode(204);
        productSearch(PUBLIC, "{}").then().body("apiKeyPage.content.apiKeyId", Matchers.not(Matchers.hasItem(key)))
                .body("apiKeyPage.content.apiKeyId", Matchers.hasItem(kept));
        productSearch(PROTECTED, "{\"apiKeyId\": \"" + key + "\"}").then().body("apiKeyPage.total", equalTo(0));
        assertEnvelope(tenant.send("GET", "/api/v1/api-keys/" + key + "/products"), 404, "300");
    }

    @Test
    void everyRefusalHasNcpsEnvelopeAndChangesNothing() {
        String key = tenant.createdId("careful-app");
        subscribe(tenant, key, PUBLIC).then().statusCode(200);
        setPlan(PUBLIC, key, "stgwthrprd", "{\"usagePlanId\": \"planpro001\"}").then().statusCode(204);
        String before = stateOf(key);

        assertThat(assertEnvelope(subscribe(tenant, key, "nosuchprod"), 404, "300")).contains("nosuchprod");
        assertThat(assertEnvelope(subscribe(tenant, "nokey00000", PUBLIC), 404, "300")).contains("nokey00000");
        assertEnvelope(tenant.sendJson("POST", "/api/v1/api-keys/" + key + "/subscribe", "{}"), 400, "100");
        assertEnvelope(tenant.sendJson("POST", "/api/v1/api-keys/" + key + "/subscribe", "{\"productId\": null}"), 400, "100");
        assertEnvelope(tenant.sendJson("POST", "/api/v1/api-keys/" + key + "/subscribe", "{\"productId\": \"prodpub001x\"}"), 400, "100");
        assertEnvelope(tenant.sendJson("POST", "/api/v1/api-keys/" + key + "/subscribe", "{\"productId\": 42}"), 400, "100");
        assertEnvelope(tenant.sendJson("POST", "/api/v1/api-keys/" + key + "/unsubscribe", "{}"), 400, "100");
        assertEnvelope(unsubscribe(key, PROTECTED), 404, "300");
        assertThat(assertEnvelope(decide(PUBLIC, key, "REQUEST"), 400, "100")).contains("ACCEPTED, REJECTED");
        assertEnvelope(decide(PUBLIC, key, "accepted"), 400, "100");
        assertEnvelope(tenant.sendJson("PATCH", "/api/v1/products/" + PUBLIC + "/api-keys/" + key, "{}"), 400, "100");
        assertEnvelope(decide(PROTECTED, key, "ACCEPTED"), 404, "300");
        assertEnvelope(decide("nosuchprod", key, "ACCEPTED"), 404, "300");
        assertThat(assertEnvelope(setPlan(PUBLIC, key, "nostage000", "{\"usagePlanId\": \"planpro001\"}"), 404, "300")).contains("nostage000");
        assertThat(assertEnvelope(setPlan(PUBLIC, key, "stgwthrdev", "{\"usagePlanId\": \"planpro001\"}"), 404, "300")).contains("planpro001");
        assertEnvelope(setPlan(PUBLIC, key, "stgwthrprd", "{\"usagePlanId\": \"planpro0012\"}"), 400, "100");
        assertEnvelope(setPlan(PROTECTED, key, "stgpayprd1", "{\"usagePlanId\": \"planpaygld\"}"), 404, "300");
        assertEnvelope(tenant.send("GET", "/api/v1/api-keys/" + key + "/subscription-detail"), 400, "100");
        assertEnvelope(tenant.send("GET", "/api/v1/products/" + PUBLIC + "/subscription-detail"), 400, "100");
        assertEnvelope(tenant.send("GET", "/api/v1/api-keys/" + key + "/subscription-detail?productId=" + PUBLIC + "&limit=0"), 400, "100");
        assertEnvelope(tenant.sendJson("POST", "/api/v1/api-keys/search", "{}"), 400, "100");
        assertEnvelope(tenant.sendJson("POST", "/api/v1/api-keys/search", "{\"productId\": \"nosuchprod\"}"), 404, "300");
        assertEnvelope(tenant.sendJson("POST", "/api/v1/api-keys/search", "{\"productId\": \"" + PUBLIC + "\", \"statusSet\": [\"MAYBE\"]}"), 400, "100");
        assertEnvelope(productSearch(PUBLIC, "{\"statusSet\": \"ACCEPTED\"}"), 400, "100");
        assertEnvelope(productSearch("nosuchprod", "{}"), 404, "300");
        assertEnvelope(productSearch(PUBLIC, "{\"offset\": -1}"), 400, "100");

        assertThat(stateOf(key)).isEqualTo(before);
    }

    @Test
    void anotherTenantSeesNeitherTheKeyNorItsSubscriptions() {
        String key = tenant.createdId("tenant-a-app");
        subscribe(tenant, key, PUBLIC).then().statusCode(200);
        String before = stateOf(key);
        assertEnvelope(subscribe(other, key, PROTECTED), 404, "300");
        assertEnvelope(other.send("GET", "/api/v1/api-keys/" + key + "/products"), 404, "300");
        assertEnvelope(other.sendJson("POST", "/api/v1/api-keys/" + key + "/unsubscribe", "{\"productId\": \"" + PUBLIC + "\"}"), 404, "300");
        assertEnvelope(other.sendJson("PATCH", "/api/v1/products/" + PUBLIC + "/api-keys/" + key, "{\"status\": \"REJECTED\"}"), 404, "300");
        other.sendJson("POST", "/api/v1/products/" + PUBLIC + "/api-keys/search", "{}").then().statusCode(200)
                .body("apiKeyPage.content.apiKeyId", Matchers.not(Matchers.hasItem(key)));
        assertThat(stateOf(key)).isEqualTo(before);
    }

    @Test
    void aBlockedSubscriptionIsRefusedWith403AndProviderStatesCanMakeProducts() {
        var tenantA = tenants.configured().get(0);
        providerStates.setUp(List.of(
                new ProviderStates.State(ProviderStates.KEY_SUBSCRIBED, Map.of("apiKeyId", "blocked001", "productId", PROTECTED,
                        "status", "BLOCKED_REQUEST")),
                new ProviderStates.State(ProviderStates.PRODUCT_EXISTS, Map.of("productId", "pactprod01", "subscriptionCode", "PROTECTED"))),
                tenantA, true).await().atMost(Duration.ofSeconds(5));
        providerStates.tearDown(tenantA);
        try {
            String before = stateOf("blocked001");
            assertEnvelope(subscribe(tenant, "blocked001", PROTECTED), 403, "230");
            assertThat(stateOf("blocked001")).isEqualTo(before);
            subscribe(tenant, "blocked001", "pactprod01").then().statusCode(200);
            productSearch("pactprod01", "{}").then().body("apiKeyPage.content[0].status", equalTo("REQUEST"));
            other.send("GET", "/api/v1/products/pactprod01").then().statusCode(404);
            tenant.send("GET", "/api/v1/products").then().body("productPage.content.productId", containsInAnyOrder(PUBLIC, PROTECTED,
                    "prodbeta03", "pactprod01"));
        } finally {
            // the added product stays until a reset: leave the seed's catalogue to the other tests
            mockState.reset().await().atMost(Duration.ofSeconds(5));
        }
        tenant.send("GET", "/api/v1/products").then().body("productPage.total", equalTo(3));
    }
}
