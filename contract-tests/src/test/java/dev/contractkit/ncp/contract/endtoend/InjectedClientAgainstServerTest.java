package dev.contractkit.ncp.contract.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contractkit.ncp.client.NcpApiException;
import dev.contractkit.ncp.client.generated.api.ApiKeysApi;
import dev.contractkit.ncp.client.generated.model.ApiKey;
import dev.contractkit.ncp.client.generated.model.ApiKeyResponse;
import dev.contractkit.ncp.client.generated.model.KeyType;
import dev.contractkit.ncp.client.generated.model.PatchApiKeyRequest;
import dev.contractkit.ncp.testsupport.FreePort;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The client as the README shows it for Quarkus: injected with {@code @RestClient} and a few lines of
 * configuration, signing real calls to the real server.
 */
@QuarkusTest
@TestProfile(InjectedClientAgainstServerTest.Profile.class)
class InjectedClientAgainstServerTest {
    /** A free port, found once: the client's URL must be known before the server starts on it. */
    static final int PORT = FreePort.find();


    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.test-port", String.valueOf(PORT),
                    "quarkus.rest-client.ncp-apigw.url", "http://localhost:" + PORT + "/api/v1",
                    "quarkus.rest-client.ncp-apigw.providers",
                    "dev.contractkit.ncp.client.NcpSigningFilter,dev.contractkit.ncp.client.NcpErrorMapper",
                    "ncloud.access-key", "TESTACCESSKEY0000000",
                    "ncloud.secret-key", "TESTSECRETKEY000000000000000000000000000");
        }
    }

    @Inject
    @RestClient
    ApiKeysApi apiKeys;

    @Test
    void regeneratesAKeyAndTheServerKeepsIt() {
        ApiKey before = apiKeys.getApiKey("seedmob002");
        ApiKeyResponse answer = apiKeys.regenerateApiKey("seedmob002", new PatchApiKeyRequest().keyType(KeyType.SECONDARY));

        assertThat(answer.getApiKey().getSecondaryKey()).isNotEqualTo(before.getSecondaryKey());
        assertThat(answer.getApiKey().getPrimaryKey()).isEqualTo(before.getPrimaryKey());
        assertThat(apiKeys.getApiKey("seedmob002").getSecondaryKey()).isEqualTo(answer.getApiKey().getSecondaryKey());
    }

    @Test
    void listsWithASignedQuery() {
        // the seed has three keys: web-frontend, mobile-app, legacy-batch
        assertThat(apiKeys.listApiKeys(null, null, null).getApiKeys()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(apiKeys.listApiKeys(0L, 2L, null).getApiKeys()).hasSize(2);
        assertThat(apiKeys.listApiKeys(1L, 1L, null).getApiKeys()).extracting(ApiKey::getApiKeyId)
                .containsExactly(apiKeys.listApiKeys(0L, 2L, null).getApiKeys().get(1).getApiKeyId());
        assertThat(apiKeys.listApiKeys(null, null, "mobile").getApiKeys()).extracting(ApiKey::getApiKeyId).contains("seedmob002");
    }

    @Test
    void anUnknownKeyIsATypedException() {
        assertThatThrownBy(() -> apiKeys.getApiKey("nosuchkey0"))
                .isInstanceOfSatisfying(NcpApiException.class, error -> {
                    assertThat(error.status()).isEqualTo(404);
                    assertThat(error.errorCode()).contains("300");
                });
    }
}
