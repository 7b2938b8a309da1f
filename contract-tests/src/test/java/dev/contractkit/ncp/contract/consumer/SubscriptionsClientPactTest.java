package dev.contractkit.ncp.contract.consumer;

import static dev.contractkit.ncp.contract.consumer.ApiKeysClientPactTest.signed;
import static dev.contractkit.ncp.contract.consumer.ApiKeysClientPactTest.signedJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.ncp.client.NcpApiException;
import dev.contractkit.ncp.client.NcpApiKeysClient;
import dev.contractkit.ncp.client.generated.api.ProductsApi;
import dev.contractkit.ncp.client.generated.api.SubscriptionsApi;
import dev.contractkit.ncp.client.generated.model.ApiKeyRelationSearch;
import dev.contractkit.ncp.client.generated.model.GetProductsResponse;
import dev.contractkit.ncp.client.generated.model.PatchSubscriptionRequest;
import dev.contractkit.ncp.client.generated.model.PostSubscriptionRequest;
import dev.contractkit.ncp.client.generated.model.PostUnSubscribeRequest;
import dev.contractkit.ncp.client.generated.model.PutApiKeyRelationRequest;
import dev.contractkit.ncp.client.generated.model.SearchApiKeysRequest;
import dev.contractkit.ncp.client.generated.model.SearchApiKeysWithProductRelationRequest;
import dev.contractkit.ncp.client.generated.model.SubscriptionCode;
import dev.contractkit.ncp.client.generated.model.SubscriptionDecision;
import dev.contractkit.ncp.client.generated.model.SubscriptionStatus;
import dev.contractkit.ncp.contract.PactStates;
import dev.contractkit.ncp.contract.spec.SpecExamples;
import dev.contractkit.ncp.contract.spec.SpecFile;
import dev.contractkit.ncp.signature.NcpCredentials;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The product and subscription calls of our generated client, recorded into the same pact as the key calls
 * ({@code ncp-apigw-apikeys-client} and {@code ncp-apigw-apikeys}), with provider states that carry params.
 */
@QuarkusTest
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = ApiKeysClientPactTest.PROVIDER, hostInterface = "127.0.0.1", pactVersion = PactSpecVersion.V3)
class SubscriptionsClientPactTest {
    static final String CONSUMER = ApiKeysClientPactTest.CONSUMER;
    static final String KEY_ID = ApiKeysClientPactTest.KEY_ID;
    static final String PUBLIC = "prodpub001";
    static final String PROTECTED = "prodprt002";
    private static final NcpCredentials CONSUMER_CREDENTIALS = ApiKeysClientPactTest.CONSUMER_CREDENTIALS;
    private static final SpecExamples EXAMPLES = new SpecExamples(SpecFile.openApi());

    private static NcpApiKeysClient.Builder clients(MockServer server) {
        return NcpApiKeysClient.builder().endpoint(server.getUrl() + "/api/v1").credentials(CONSUMER_CREDENTIALS);
    }

    private static SubscriptionsApi subscriptions(MockServer server) {
        return clients(server).subscriptions();
    }

    private static ProductsApi products(MockServer server) {
        return clients(server).products();
    }

    private static Map<String, Object> product(String productId, String code) {
        return Map.of("productId", productId, "subscriptionCode", code);
    }

    private static Map<String, Object> subscribed(String productId, String status) {
        return Map.of("apiKeyId", KEY_ID, "productId", productId, "status", status,
                "primaryKey", EXAMPLES.named("SearchKeysByValueRequest").get("apiKeyValue").asText());
    }

    // --- products --------------------------------------------------------------------------------

    @Pact(consumer = CONSUMER)
    RequestResponsePact catalog(PactDslWithProvider builder) {
        return signed(builder.given(PactStates.PRODUCT_EXISTS, product(PUBLIC, "PUBLIC"))
                .uponReceiving("list the public products").method("GET"), "/api/v1/products")
                .query("subscriptionCode=PUBLIC")
                .willRespondWith().status(200)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(SubscriptionPactBodies.like(firstOnly(EXAMPLES.named("ProductsResponse"), "/productPage/content")))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "catalog")
    void listsProducts(MockServer server) {
        GetProductsResponse page = products(server).listProducts(null, SubscriptionCode.PUBLIC, null, null, null, null, null);
        assertThat(page.getProductPage().getContent()).isNotEmpty();
        assertThat(page.getProductPage().getContent().get(0).getSubscriptionCode()).isEqualTo(SubscriptionCode.PUBLIC);
    }

    @Pact(consumer = CONSUMER)
    RequestResponsePact getProduct(PactDslWithProvider builder) {
        return signed(builder.given(PactStates.PRODUCT_EXISTS, product(PROTECTED, "PROTECTED"))
                .uponReceiving("get one product").method("GET"), "/api/v1/products/" + PROTECTED)
                .willRespondWith().status(200)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(SubscriptionPactBodies.like(withValue(EXAMPLES.named("ProductResponse"), "/product", "subscriptionCode", "PROTECTED")))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "getProduct")
    void getsAProduct(MockServer server) {
        assertThat(products(server).getProduct(PROTECTED).getProduct().getSubscriptionCode()).isEqualTo(SubscriptionCode.PROTECTED);
    }

    // --- key side --------------------------------------------------------------------------------

    @Pact(consumer = CONSUMER)
    RequestResponsePact subscribe(PactDslWithProvider builder) {
        return signedJson(builder.given(PactStates.KEY_EXISTS, Map.of("apiKeyId", KEY_ID))
                .given(PactStates.PRODUCT_EXISTS, product(PUBLIC, "PUBLIC"))
                .uponReceiving("subscribe an API key to a product").method("POST"), "/api/v1/api-keys/" + KEY_ID + "/subscribe")
                .body(EXAMPLES.named("SubscribeRequest").toString())
                .willRespondWith().status(200)
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "subscribe")
    void subscribes(MockServer server) {
        subscriptions(server).subscribeApiKey(KEY_ID, new PostSubscriptionRequest().productId(PUBLIC));
    }

    @Pact(consumer = CONSUMER)
    RequestResponsePact subscribeToAnUnknownProduct(PactDslWithProvider builder) {
        return signedJson(builder.given(PactStates.KEY_EXISTS, Map.of("apiKeyId", KEY_ID))
                .uponReceiving("subscribe to a product that does not exist").method("POST"), "/api/v1/api-keys/" + KEY_ID + "/subscribe")
                .body("{\"productId\": \"noproduct0\"}")
                .willRespondWith().status(404)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(ApiKeyPactBodies.error("300", "Not Found Exception", "Product 'noproduct0' was not found."))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "subscribeToAnUnknownProduct")
    void anUnknownProductIsNcps404(MockServer server) {
        assertThatThrownBy(() -> subscriptions(server).subscribeApiKey(KEY_ID, new PostSubscriptionRequest().productId("noproduct0")))
                .isInstanceOfSatisfying(NcpApiException.class, error -> {
                    assertThat(error.status()).isEqualTo(404);
                    assertThat(error.errorCode()).hasValue("300");
                });
    }

    @Pact(consumer = CONSUMER)
    RequestResponsePact unsubscribe(PactDslWithProvider builder) {
        return signedJson(builder.given(PactStates.KEY_SUBSCRIBED, subscribed(PUBLIC, "ACCEPTED"))
                .uponReceiving("unsubscribe an API key from a product").method("POST"), "/api/v1/api-keys/" + KEY_ID + "/unsubscribe")
                .body(EXAMPLES.named("UnsubscribeRequest").toString())
                .willRespondWith().status(200)
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "unsubscribe")
    void unsubscribes(MockServer server) {
        subscriptions(server).unsubscribeApiKey(KEY_ID, new PostUnSubscribeRequest().productId(PUBLIC));
    }

    @Pact(consumer = CONSUMER)
    RequestResponsePact productsOfKey(PactDslWithProvider builder) {
        return signed(builder.given(PactStates.KEY_SUBSCRIBED, subscribed(PUBLIC, "ACCEPTED"))
                .uponReceiving("list the products of an API key").method("GET"), "/api/v1/api-keys/" + KEY_ID + "/products")
                .willRespondWith().status(200)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(SubscriptionPactBodies.like(EXAMPLES.named("ProductsOfApiKeyResponse")))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "productsOfKey")
    void listsTheProductsOfAKey(MockServer server) {
        var related = subscriptions(server).listProductsOfApiKey(KEY_ID, null, null).getApiKeyRelateProductDtos();
        assertThat(related.get(0).getStatus()).isEqualTo(SubscriptionStatus.ACCEPTED);
    }

    @Pact(consumer = CONSUMER)
    RequestResponsePact searchKeysOfProduct(PactDslWithProvider builder) {
        return signedJson(builder.given(PactStates.KEY_SUBSCRIBED, subscribed(PROTECTED, "REQUEST"))
                .uponReceiving("search the API keys waiting for a product").method("POST"), "/api/v1/api-keys/search")
                .body(EXAMPLES.named("SearchKeysOfProductRequest").toString())
                .willRespondWith().status(200)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(SubscriptionPactBodies.like(EXAMPLES.named("SearchKeysOfProductResponse")))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "searchKeysOfProduct")
    void searchesTheKeysOfAProduct(MockServer server) {
        JsonNode request = EXAMPLES.named("SearchKeysOfProductRequest");
        var found = subscriptions(server).searchApiKeysOfProduct(new SearchApiKeysWithProductRelationRequest()
                .productId(request.get("productId").asText()).statusSet(List.of(SubscriptionStatus.REQUEST))
                .offset(request.get("offset").asLong()).limit(request.get("limit").asLong()));
        assertThat(found.getApiKeys().get(0).getStatus()).isEqualTo(SubscriptionStatus.REQUEST);
    }

    @Pact(consumer = CONSUMER)
    RequestResponsePact subscriptionDetail(PactDslWithProvider builder) {
        return signed(builder.given(PactStates.KEY_SUBSCRIBED, subscribed(PUBLIC, "ACCEPTED"))
                .uponReceiving("list the stages an API key is subscribed to").method("GET"),
                "/api/v1/api-keys/" + KEY_ID + "/subscription-detail")
                .query("productId=" + PUBLIC)
                .willRespondWith().status(200)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(SubscriptionPactBodies.like(EXAMPLES.named("SubscriptionDetailResponse")))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "subscriptionDetail")
    void listsTheSubscribedStages(MockServer server) {
        List<ApiKeyRelationSearch> stages = subscriptions(server)
                .getSubscriptionDetailOfApiKey(KEY_ID, PUBLIC, null, null, null, null).getApiKeyRelations().getContent();
        assertThat(stages.get(0).getUsagePlanId()).isNotBlank();
    }

    // --- product side ----------------------------------------------------------------------------

    @Pact(consumer = CONSUMER)
    RequestResponsePact findKeyByValue(PactDslWithProvider builder) {
        return signedJson(builder.given(PactStates.KEY_SUBSCRIBED, subscribed(PUBLIC, "ACCEPTED"))
                .uponReceiving("find the subscribed API key with a key value").method("POST"), "/api/v1/products/" + PUBLIC + "/api-keys/search")
                .body(EXAMPLES.named("SearchKeysByValueRequest").toString())
                .willRespondWith().status(200)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(SubscriptionPactBodies.like(EXAMPLES.named("SearchKeysByValueResponse")))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "findKeyByValue")
    void findsAKeyByItsValue(MockServer server) {
        String value = EXAMPLES.named("SearchKeysByValueRequest").get("apiKeyValue").asText();
        var page = subscriptions(server).searchApiKeysOfProductSide(PUBLIC, new SearchApiKeysRequest().apiKeyValue(value)).getApiKeyPage();
        assertThat(page.getContent().get(0).getStatus()).isEqualTo(SubscriptionStatus.ACCEPTED);
    }

    @Pact(consumer = CONSUMER)
    RequestResponsePact approve(PactDslWithProvider builder) {
        return signedJson(builder.given(PactStates.KEY_SUBSCRIBED, subscribed(PROTECTED, "REQUEST"))
                .uponReceiving("approve a subscription request").method("PATCH"), "/api/v1/products/" + PROTECTED + "/api-keys/" + KEY_ID)
                .body(EXAMPLES.named("ApproveRequest").toString())
                .willRespondWith().status(204)
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "approve")
    void approves(MockServer server) {
        subscriptions(server).decideSubscription(PROTECTED, KEY_ID, new PatchSubscriptionRequest().status(SubscriptionDecision.ACCEPTED));
    }

    @Pact(consumer = CONSUMER)
    RequestResponsePact setUsagePlan(PactDslWithProvider builder) {
        return signedJson(builder.given(PactStates.KEY_SUBSCRIBED, subscribed(PUBLIC, "ACCEPTED"))
                .uponReceiving("set the usage plan of an API key on a stage").method("PUT"),
                "/api/v1/products/" + PUBLIC + "/api-keys/" + KEY_ID + "/stages/stgwthrprd")
                .body(EXAMPLES.named("SetUsagePlanRequest").toString())
                .willRespondWith().status(204)
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "setUsagePlan")
    void setsAUsagePlan(MockServer server) {
        subscriptions(server).setUsagePlan(PUBLIC, KEY_ID, "stgwthrprd", new PutApiKeyRelationRequest().usagePlanId("planpro001"));
    }

    @Pact(consumer = CONSUMER)
    RequestResponsePact productSideDetail(PactDslWithProvider builder) {
        return signed(builder.given(PactStates.KEY_SUBSCRIBED, subscribed(PUBLIC, "ACCEPTED"))
                .uponReceiving("list the stages of a product an API key is subscribed to").method("GET"),
                "/api/v1/products/" + PUBLIC + "/subscription-detail")
                .query("apiKeyId=" + KEY_ID)
                .willRespondWith().status(200)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(SubscriptionPactBodies.like(EXAMPLES.named("SubscriptionDetailResponse")))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "productSideDetail")
    void listsTheSubscribedStagesFromTheProductSide(MockServer server) {
        assertThat(subscriptions(server).getSubscriptionDetailOfProduct(PUBLIC, KEY_ID, null, null, null, null)
                .getApiKeyRelations().getTotal()).isPositive();
    }

    /** The example with only the first item of the array at {@code pointer}. */
    private static JsonNode firstOnly(JsonNode example, String pointer) {
        JsonNode copy = example.deepCopy();
        ArrayNode items = (ArrayNode) copy.at(pointer);
        while (items.size() > 1) {
            items.remove(items.size() - 1);
        }
        return copy;
    }

    private static JsonNode withValue(JsonNode example, String pointer, String field, String value) {
        JsonNode copy = example.deepCopy();
        ((ObjectNode) copy.at(pointer)).put(field, value);
        return copy;
    }
}
