package dev.contractkit.ncp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.ncp.client.generated.api.ApiException;
import dev.contractkit.ncp.client.generated.api.ApiKeysApi;
import dev.contractkit.ncp.client.generated.model.ApiKey;
import dev.contractkit.ncp.client.generated.model.ApiKeyResponse;
import dev.contractkit.ncp.client.generated.model.KeyType;
import dev.contractkit.ncp.client.generated.model.PatchApiKeyRequest;
import dev.contractkit.ncp.client.generated.model.PostApiKeyRequest;
import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.signature.NcpHeaders;
import dev.contractkit.ncp.signature.SignatureVerifier;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.UriBuilder;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The plain-Java client (RESTEasy classic) against an in-test HTTP stub. */
class NcpApiKeysClientTest {
    static final NcpCredentials TEST = new NcpCredentials("TESTACCESSKEY0000000", "TESTSECRETKEY000000000000000000000000000");
    static final Clock REFERENCE_CLOCK = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);
    static final String API_KEY_JSON = """
            {"apiKey": {"apiKeyId": "abcde12345", "tenantId": "8f14e45fceea167a5a36dedd4bea2543", "apiKeyName": "web",
             "apiKeyDescription": "", "primaryKey": "P1", "secondaryKey": "S1", "modifier": "m", "isEnabled": false,
             "modTime": "2024-05-08T00:21:31Z", "domainCode": "PUB", "aFieldNcpMayAddLater": 1}}
            """;

    StubNcp stub;
    ApiKeysApi api;

    @BeforeEach
    void start() throws Exception {
        stub = new StubNcp();
        api = NcpApiKeysClient.builder().endpoint(stub.endpoint()).credentials(TEST).clock(REFERENCE_CLOCK).build();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void signsTheReferenceVectors() {
        stub.answer(200, """
                {"apiKeys": [], "total": 0, "initialCount": 0}
                """).answer(201, API_KEY_JSON).answer(200, API_KEY_JSON);

        api.listApiKeys(0L, 10L, null);
        api.createApiKey(new PostApiKeyRequest().apiKeyName("web"));
        api.regenerateApiKey("abcde12345", new PatchApiKeyRequest().keyType(KeyType.PRIMARY));

        List<StubNcp.Recorded> sent = stub.requests();
        assertThat(sent).extracting(StubNcp.Recorded::rawPathAndQuery)
                .containsExactly("/api/v1/api-keys?offset=0&limit=10", "/api/v1/api-keys", "/api/v1/api-keys/abcde12345");
        assertThat(sent).extracting(request -> request.header(NcpHeaders.SIGNATURE)).containsExactly(
                "HOh7ogh2VFsgR88ZhvmyTXoxzZBlm5ixE97dnOvoxvI=",
                "hEZEjmQBZHrGcsFa67kdK57NVe46ChUvyZ/LNuMi53c=",
                "+aq++oejIbCGgD9j+8ApzPFHy/KRQOwOpxEZ7fTTog8=");
        assertThat(sent).allSatisfy(request -> {
            assertThat(request.header(NcpHeaders.TIMESTAMP)).isEqualTo("1700000000000");
            assertThat(request.header(NcpHeaders.ACCESS_KEY)).isEqualTo("TESTACCESSKEY0000000");
        });
    }

    @Test
    void signsTheQueryExactlyAsItGoesOnTheWire() {
        stub.answer(200, """
                {"apiKeys": [], "total": 0, "initialCount": 0}
                """);
        Clock now = Clock.systemUTC();
        ApiKeysApi live = NcpApiKeysClient.builder().endpoint(stub.endpoint()).credentials(TEST).clock(now).build();

        live.listApiKeys(5L, 20L, "web front&co");

        StubNcp.Recorded request = stub.lastRequest();
        assertThat(request.rawPathAndQuery()).startsWith("/api/v1/api-keys?offset=5&limit=20&apiKeyName=web").doesNotContain(" ");
        SignatureVerifier verifier = new SignatureVerifier(List.of(TEST), now);
        assertThat(verifier.verify(request.method(), request.rawPathAndQuery(), request.header(NcpHeaders.TIMESTAMP),
                request.header(NcpHeaders.ACCESS_KEY), request.header(NcpHeaders.SIGNATURE)).isValid()).isTrue();
    }

    /** A user's filter that changes the URI runs before signing, so the signature covers what is sent. */
    @Priority(Priorities.USER + 1000)
    public static class AddsATraceParameter implements ClientRequestFilter {
        @Override
        public void filter(ClientRequestContext request) {
            request.setUri(UriBuilder.fromUri(request.getUri()).queryParam("trace", "on").build());
        }
    }

    @Test
    void signsLastAfterAUserFilterThatChangesTheUri() {
        stub.answer(200, """
                {"apiKeys": [], "total": 0, "initialCount": 0}
                """);
        Clock now = Clock.systemUTC();
        ApiKeysApi live = NcpApiKeysClient.builder().endpoint(stub.endpoint()).credentials(TEST).clock(now)
                .register(new AddsATraceParameter()).build();

        live.listApiKeys(0L, 10L, null);

        StubNcp.Recorded request = stub.lastRequest();
        assertThat(request.rawPathAndQuery()).isEqualTo("/api/v1/api-keys?offset=0&limit=10&trace=on");
        SignatureVerifier verifier = new SignatureVerifier(List.of(TEST), now);
        assertThat(verifier.verify(request.method(), request.rawPathAndQuery(), request.header(NcpHeaders.TIMESTAMP),
                request.header(NcpHeaders.ACCESS_KEY), request.header(NcpHeaders.SIGNATURE)).isValid()).isTrue();
    }

    @Test
    void sendsTheRequestBodyAndReadsTheEnvelope() throws Exception {
        stub.answer(200, API_KEY_JSON);

        ApiKeyResponse answer = api.regenerateApiKey("abcde12345", new PatchApiKeyRequest().keyType(KeyType.SECONDARY));

        JsonNode sent = NcpJson.mapper().readTree(stub.lastRequest().body());
        assertThat(sent.get("keyType").asText()).isEqualTo("SECONDARY");
        assertThat(sent.size()).isEqualTo(1);
        assertThat(stub.lastRequest().header("Content-Type")).startsWith("application/json");
        ApiKey key = answer.getApiKey();
        assertThat(key.getIsEnabled()).isFalse();
        assertThat(key.getModTime()).isEqualTo(OffsetDateTime.parse("2024-05-08T00:21:31Z"));
    }

    @Test
    void readsTheBareObjectOfGetOneAndLegacyDates() {
        stub.answer(200, """
                {"apiKeyId": "abcde12345", "isEnabled": true, "modTime": "2000-01-23T04:56:07.000+00:00"}
                """);
        ApiKey key = api.getApiKey("abcde12345");
        assertThat(key.getApiKeyId()).isEqualTo("abcde12345");
        assertThat(key.getModTime().toInstant()).isEqualTo(Instant.parse("2000-01-23T04:56:07Z"));
    }

    @Test
    void deleteAcceptsAnEmpty204() {
        stub.answer(204, "");
        api.deleteApiKey("abcde12345");
        assertThat(stub.lastRequest().method()).isEqualTo("DELETE");
    }

    @Test
    void anNcpErrorBecomesATypedExceptionWithTheEnvelopeFields() {
        stub.answer(404, """
                {"error": {"errorCode": "300", "message": "Not Found Exception", "details": "API key 'nope' was not found."}}
                """);

        assertThatThrownBy(() -> api.getApiKey("nope"))
                .isInstanceOfSatisfying(NcpApiException.class, error -> {
                    assertThat(error.status()).isEqualTo(404);
                    assertThat(error.errorCode()).contains("300");
                    assertThat(error.errorMessage()).contains("Not Found Exception");
                    assertThat(error.details()).contains("API key 'nope' was not found.");
                    assertThat(error.isNcpEnvelope()).isTrue();
                    assertThat(error.getMessage()).contains("404", "300", "not found");
                })
                .isInstanceOf(ApiException.class)
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void aBodyThatIsNotAnEnvelopeIsKeptRaw() {
        stub.answer(502, "text/html", "<html>Bad Gateway</html>");
        assertThatThrownBy(() -> api.getApiKey("x")).isInstanceOfSatisfying(NcpApiException.class, error -> {
            assertThat(error.status()).isEqualTo(502);
            assertThat(error.errorCode()).isEmpty();
            assertThat(error.rawBody()).isEqualTo("<html>Bad Gateway</html>");
        });
    }

    @Test
    void aJsonBodyThatIsNotAnEnvelopeIsKeptRawToo() {
        stub.answer(400, """
                {"message": "something else"}
                """);
        assertThatThrownBy(() -> api.getApiKey("x")).isInstanceOfSatisfying(NcpApiException.class, error -> {
            assertThat(error.errorCode()).isEmpty();
            assertThat(error.rawBody()).contains("something else");
        });
    }

    @Test
    void aSlowAnswerTimesOutAndANonIdempotentCallIsNotRetried() {
        ApiKeysApi impatient = NcpApiKeysClient.builder().endpoint(stub.endpoint()).credentials(TEST)
                .readTimeout(Duration.ofMillis(300)).build();
        stub.answerHeldUntilClose(201, API_KEY_JSON);

        long started = System.nanoTime();
        assertThatThrownBy(() -> impatient.createApiKey(new PostApiKeyRequest().apiKeyName("slow")))
                .isInstanceOf(ProcessingException.class)
                .hasRootCauseInstanceOf(SocketTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void aRefusedConnectionFailsFast() {
        ApiKeysApi nowhere = NcpApiKeysClient.builder().endpoint("http://127.0.0.1:1/api/v1").credentials(TEST)
                .connectTimeout(Duration.ofMillis(500)).build();
        assertThatThrownBy(() -> nowhere.getApiKey("x")).isInstanceOf(ProcessingException.class);
    }

    @Test
    void defaultsToNcpsPublicEndpointWithGovAndFinOneSettingAway() {
        assertThat(NcpRegion.PUBLIC.endpoint()).hasToString("https://apigateway.apigw.ntruss.com/api/v1");
        assertThat(NcpRegion.GOV.endpoint()).hasToString("https://apigateway.apigw.gov-ntruss.com/api/v1");
        assertThat(NcpRegion.FIN.endpoint()).hasToString("https://apigateway.apigw.fin-ntruss.com/api/v1");
    }
}
