package dev.contractkit.ncp.contract.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.ncp.client.NcpApiException;
import dev.contractkit.ncp.client.NcpApiKeysClient;
import dev.contractkit.ncp.client.generated.api.ApiKeysApi;
import dev.contractkit.ncp.client.generated.model.ApiKey;
import dev.contractkit.ncp.client.generated.model.ApiKeyList;
import dev.contractkit.ncp.client.generated.model.ApiKeyResponse;
import dev.contractkit.ncp.client.generated.model.KeyType;
import dev.contractkit.ncp.client.generated.model.PatchApiKeyRequest;
import dev.contractkit.ncp.client.generated.model.PostApiKeyRequest;
import dev.contractkit.ncp.client.generated.model.PutApiKeyRequest;
import dev.contractkit.ncp.contract.PactStates;
import dev.contractkit.ncp.contract.spec.SpecExamples;
import dev.contractkit.ncp.contract.spec.SpecFile;
import dev.contractkit.ncp.signature.NcpCredentials;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What our generated, signing client sends and what it must understand, recorded as a pact between
 * {@code ncp-apigw-apikeys-client} and {@code ncp-apigw-apikeys}. Bodies come from the spec's examples.
 */
@QuarkusTest
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = ApiKeysClientPactTest.PROVIDER, hostInterface = "127.0.0.1",
        pactVersion = PactSpecVersion.V3)
class ApiKeysClientPactTest {
    static final String PROVIDER = "ncp-apigw-apikeys";
    static final String CONSUMER = "ncp-apigw-apikeys-client";
    static final String KEY_ID = "k3v9qz0m2a";
    static final String UNKNOWN_ID = "zzzzzzzzzz";
    static final NcpCredentials CONSUMER_CREDENTIALS = new NcpCredentials("CONSUMERACCESSKEY001", "consumer-secret-key");
    private static final SpecExamples EXAMPLES = new SpecExamples(SpecFile.openApi());

    /** Pact's mock server listens on a random port; each test is handed it. */
    private static ApiKeysApi client(MockServer server) {
        return NcpApiKeysClient.builder()
                .endpoint(server.getUrl() + "/api/v1")
                .credentials(CONSUMER_CREDENTIALS)
                .build();
    }

    /** A request as the client signs it: a 13-digit timestamp, an access key and a Base64 signature. */
    static PactDslRequestWithPath signed(PactDslRequestWithoutPath request, String path) {
        return request.path(path)
                .matchHeader("x-ncp-apigw-timestamp", "\\d{13}", "1700000000000")
                .matchHeader("x-ncp-iam-access-key", "[A-Za-z0-9]+", CONSUMER_CREDENTIALS.accessKey())
                .matchHeader("x-ncp-apigw-signature-v2", "[A-Za-z0-9+/]{43}=", "+aq++oejIbCGgD9j+8ApzPFHy/KRQOwOpxEZ7fTTog8=");
    }

    static PactDslRequestWithPath signedJson(PactDslRequestWithoutPath request, String path) {
        return signed(request, path).matchHeader("Content-Type", "application/json.*", "application/json");
    }

    private static Map<String, Object> existingKey(JsonNode example) {
        return Map.of(
                "apiKeyId", KEY_ID,
                "apiKeyName", example.get("apiKeyName").asText(),
                "isEnabled", example.get("isEnabled").asBoolean());
    }

    // --- create -------------------------------------------------------------------------------------

    @Pact(consumer = CONSUMER)
    RequestResponsePact create(PactDslWithProvider builder) {
        JsonNode request = EXAMPLES.named("CreateRequest");
        return signedJson(builder.uponReceiving("create an API key").method("POST"), "/api/v1/api-keys")
                .body(request.toString())
                .willRespondWith()
                .status(201)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(ApiKeyPactBodies.wrapped(EXAMPLES.named("CreatedResponse")))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "create")
    void createsAKey(MockServer server) {
        JsonNode request = EXAMPLES.named("CreateRequest");
        ApiKeyResponse answer = client(server).createApiKey(new PostApiKeyRequest()
                .apiKeyName(request.get("apiKeyName").asText())
                .apiKeyDescription(request.get("apiKeyDescription").asText()));
        assertThat(answer.getApiKey().getIsEnabled()).isTrue();
        assertThat(answer.getApiKey().getPrimaryKey()).isNotBlank();
    }

    // --- list ---------------------------------------------------------------------------------------

    @Pact(consumer = CONSUMER)
    RequestResponsePact list(PactDslWithProvider builder) {
        JsonNode page = EXAMPLES.named("ListResponse");
        return signed(builder.given(PactStates.KEY_EXISTS, existingKey(page.get("apiKeys").get(0)))
                .uponReceiving("list API keys by name").method("GET"), "/api/v1/api-keys")
                .query("offset=0&limit=10&apiKeyName=web-frontend")
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(ApiKeyPactBodies.list(page))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "list")
    void listsKeys(MockServer server) {
        ApiKeyList page = client(server).listApiKeys(0L, 10L, "web-frontend");
        assertThat(page.getApiKeys()).isNotEmpty();
        assertThat(page.getTotal()).isPositive();
    }

    // --- get one (the bare object) ------------------------------------------------------------------

    @Pact(consumer = CONSUMER)
    RequestResponsePact getOne(PactDslWithProvider builder) {
        JsonNode key = EXAMPLES.named("GetResponse");
        return signed(builder.given(PactStates.KEY_EXISTS, existingKey(key))
                .uponReceiving("get one API key").method("GET"), "/api/v1/api-keys/" + KEY_ID)
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(ApiKeyPactBodies.bare(key))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "getOne")
    void getsTheBareObject(MockServer server) {
        ApiKey key = client(server).getApiKey(KEY_ID);
        assertThat(key.getApiKeyId()).isNotBlank();
        assertThat(key.getModTime()).isNotNull();
    }

    // --- edit ---------------------------------------------------------------------------------------

    @Pact(consumer = CONSUMER)
    RequestResponsePact edit(PactDslWithProvider builder) {
        return signedJson(builder.given(PactStates.KEY_EXISTS, existingKey(EXAMPLES.named("GetResponse")))
                .uponReceiving("edit an API key").method("PUT"), "/api/v1/api-keys/" + KEY_ID)
                .body(EXAMPLES.named("EditRequest").toString())
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(ApiKeyPactBodies.wrapped(EXAMPLES.named("EditedResponse")))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "edit")
    void editsAKey(MockServer server) {
        JsonNode request = EXAMPLES.named("EditRequest");
        ApiKeyResponse answer = client(server).updateApiKey(KEY_ID, new PutApiKeyRequest()
                .apiKeyName(request.get("apiKeyName").asText())
                .apiKeyDescription(request.get("apiKeyDescription").asText())
                .isEnabled(request.get("isEnabled").asBoolean()));
        assertThat(answer.getApiKey().getApiKeyName()).isNotBlank();
    }

    // --- delete -------------------------------------------------------------------------------------

    @Pact(consumer = CONSUMER)
    RequestResponsePact delete(PactDslWithProvider builder) {
        return signed(builder.given(PactStates.KEY_EXISTS, existingKey(EXAMPLES.named("GetResponse")))
                .uponReceiving("delete an API key").method("DELETE"), "/api/v1/api-keys/" + KEY_ID)
                .willRespondWith()
                .status(204)
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "delete")
    void deletesAKey(MockServer server) {
        client(server).deleteApiKey(KEY_ID);
    }

    // --- regenerate ---------------------------------------------------------------------------------

    private RequestResponsePact regenerate(PactDslWithProvider builder, String requestExample, String description) {
        JsonNode answer = EXAMPLES.named("RegeneratedResponse");
        return signedJson(builder.given(PactStates.KEY_EXISTS, existingKey(answer.get("apiKey")))
                .uponReceiving(description).method("PATCH"), "/api/v1/api-keys/" + KEY_ID)
                .body(EXAMPLES.named(requestExample).toString())
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(ApiKeyPactBodies.wrapped(answer))
                .toPact();
    }

    @Pact(consumer = CONSUMER)
    RequestResponsePact regeneratePrimary(PactDslWithProvider builder) {
        return regenerate(builder, "RegeneratePrimaryRequest", "regenerate the primary key");
    }

    @Pact(consumer = CONSUMER)
    RequestResponsePact regenerateSecondary(PactDslWithProvider builder) {
        return regenerate(builder, "RegenerateSecondaryRequest", "regenerate the secondary key");
    }

    @Test
    @PactTestFor(pactMethod = "regeneratePrimary")
    void regeneratesThePrimaryKey(MockServer server) {
        ApiKeyResponse answer = client(server).regenerateApiKey(KEY_ID, new PatchApiKeyRequest().keyType(KeyType.PRIMARY));
        assertThat(answer.getApiKey().getPrimaryKey()).isNotBlank();
    }

    @Test
    @PactTestFor(pactMethod = "regenerateSecondary")
    void regeneratesTheSecondaryKey(MockServer server) {
        ApiKeyResponse answer = client(server).regenerateApiKey(KEY_ID, new PatchApiKeyRequest().keyType(KeyType.SECONDARY));
        assertThat(answer.getApiKey().getSecondaryKey()).isNotBlank();
    }

    // --- errors the client must understand ----------------------------------------------------------

    @Pact(consumer = CONSUMER)
    RequestResponsePact unknownKey(PactDslWithProvider builder) {
        return signedJson(builder.given(PactStates.NO_KEY, Map.of("apiKeyId", UNKNOWN_ID))
                .uponReceiving("regenerate a key that does not exist").method("PATCH"), "/api/v1/api-keys/" + UNKNOWN_ID)
                .body(EXAMPLES.named("RegeneratePrimaryRequest").toString())
                .willRespondWith()
                .status(404)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(ApiKeyPactBodies.error("300", "Not Found Exception", "API key 'zzzzzzzzzz' was not found."))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "unknownKey")
    void anUnknownKeyIsATypedNotFound(MockServer server) {
        assertThatThrownBy(() -> client(server).regenerateApiKey(UNKNOWN_ID, new PatchApiKeyRequest().keyType(KeyType.PRIMARY)))
                .isInstanceOfSatisfying(NcpApiException.class, error -> {
                    assertThat(error.status()).isEqualTo(404);
                    assertThat(error.errorCode()).contains("300");
                    assertThat(error.errorMessage()).contains("Not Found Exception");
                });
    }

    @Pact(consumer = CONSUMER)
    RequestResponsePact badSignature(PactDslWithProvider builder) {
        return signed(builder.given(PactStates.KEY_EXISTS, existingKey(EXAMPLES.named("GetResponse")))
                .given(PactStates.BAD_SIGNATURE)
                .uponReceiving("get one API key with a wrong signature").method("GET"), "/api/v1/api-keys/" + KEY_ID)
                .willRespondWith()
                .status(401)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(ApiKeyPactBodies.error("200", "Authentication Failed", "x-ncp-apigw-signature-v2 does not match the request."))
                .toPact();
    }

    @Test
    @PactTestFor(pactMethod = "badSignature")
    void aBadSignatureIsATypedAuthenticationFailure(MockServer server) {
        assertThatThrownBy(() -> client(server).getApiKey(KEY_ID))
                .isInstanceOfSatisfying(NcpApiException.class, error -> {
                    assertThat(error.status()).isEqualTo(401);
                    assertThat(error.errorCode()).contains("200");
                    assertThat(error.details()).isPresent();
                });
    }
}
