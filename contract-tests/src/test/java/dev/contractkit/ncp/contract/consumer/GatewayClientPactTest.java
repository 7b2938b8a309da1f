package dev.contractkit.ncp.contract.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.contractkit.ncp.client.NcpApiException;
import dev.contractkit.ncp.client.NcpGatewayClient;
import dev.contractkit.ncp.contract.PactStates;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An app calling a product's API through the gateway with an API key ({@link NcpGatewayClient}), recorded as
 * a pact between {@code ncp-apigw-gateway-client} and {@code ncp-apigw-gateway}: one admitted call and one
 * refused for want of a subscription. Checked against {@code openapi/ncp-apigw-gateway.yaml} and verified
 * against the mock, whose provider states make the product ({@code pactinvoke/pact-api/prod}) and the key.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = GatewayClientPactTest.PROVIDER, hostInterface = "127.0.0.1", pactVersion = PactSpecVersion.V3)
class GatewayClientPactTest {
    static final String PROVIDER = "ncp-apigw-gateway";
    static final String CONSUMER = "ncp-apigw-gateway-client";
    static final String KEY_ID = "gwpactkey1";
    static final String KEY_VALUE = "GWPACTPRIMARYKEY0000000000000000000000001";
    static final String PRODUCT = "gwpactprd1";
    static final String STAGE = "/gateway/pactinvoke/pact-api/prod";

    private static NcpGatewayClient client(MockServer server) {
        return NcpGatewayClient.of(URI.create(server.getUrl() + STAGE), KEY_VALUE);
    }

    @Pact(consumer = CONSUMER)
    RequestResponsePact admitted(PactDslWithProvider builder) {
        return builder.given(PactStates.KEY_SUBSCRIBED, Map.of("apiKeyId", KEY_ID, "productId", PRODUCT, "subscriptionCode", "PROTECTED",
                        "status", "ACCEPTED", "primaryKey", KEY_VALUE))
                .uponReceiving("a call with a key subscribed to the protected product").method("GET").path(STAGE + "/orders")
                .matchHeader(NcpGatewayClient.KEY_HEADER, ".+", KEY_VALUE)
                .willRespondWith().status(200)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(new PactDslJsonBody().stringValue("productId", PRODUCT).stringType("productName").stringType("apiId")
                        .stringValue("apiName", "pact-api").stringType("stageId").stringValue("stageName", "prod")
                        .stringValue("apiKeyId", KEY_ID).stringValue("keyType", "PRIMARY").stringType("usagePlanId")
                        .stringValue("method", "GET").stringValue("resourcePath", "/orders"))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "admitted")
    void anAdmittedCallNamesTheKeyThatOpenedIt(MockServer server) {
        NcpGatewayClient.Answer answer = client(server).get("/orders");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("apiKeyId").asText()).isEqualTo(KEY_ID);
        assertThat(answer.json().path("keyType").asText()).isEqualTo("PRIMARY");
    }

    @Pact(consumer = CONSUMER)
    RequestResponsePact notSubscribed(PactDslWithProvider builder) {
        return builder.given(PactStates.PRODUCT_EXISTS, Map.of("productId", PRODUCT, "subscriptionCode", "PROTECTED"))
                .given(PactStates.KEY_EXISTS, Map.of("apiKeyId", KEY_ID, "primaryKey", KEY_VALUE))
                .uponReceiving("a call with a key not subscribed to the protected product").method("GET").path(STAGE + "/orders")
                .matchHeader(NcpGatewayClient.KEY_HEADER, ".+", KEY_VALUE)
                .willRespondWith().status(401)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(new PactDslJsonBody().object("error").stringValue("errorCode", "210").stringValue("message", "Permission Denied")
                        .stringValue("details", "A subscription to the API is required.").closeObject())
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "notSubscribed")
    void aCallWithoutASubscriptionIsRefusedWith210(MockServer server) {
        assertThatThrownBy(() -> client(server).get("/orders")).isInstanceOfSatisfying(NcpApiException.class, refused -> {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.errorCode()).contains("210");
        });
    }
}
