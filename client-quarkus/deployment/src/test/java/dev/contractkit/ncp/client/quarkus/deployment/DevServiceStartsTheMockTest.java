package dev.contractkit.ncp.client.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contractkit.ncp.client.NcpApiException;
import dev.contractkit.ncp.client.generated.api.ApiKeysApi;
import dev.contractkit.ncp.client.generated.model.ApiKey;
import dev.contractkit.ncp.client.generated.model.ApiKeyResponse;
import dev.contractkit.ncp.client.generated.model.KeyType;
import dev.contractkit.ncp.client.generated.model.PatchApiKeyRequest;
import io.quarkus.test.QuarkusUnitTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client as the README shows it for Quarkus: injected with {@code @RestClient}, no URL and no providers line
 * configured; the Dev Service starts the mock, and the client signs real calls to it.
 */
class DevServiceStartsTheMockTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest();

    @RestClient
    ApiKeysApi apiKeys;

    @ConfigProperty(name = "quarkus.rest-client.ncp-apigw.url")
    String url;

    @ConfigProperty(name = "ncloud.access-key")
    String accessKey;

    @Test
    void theClientCallsTheMockSignedWithTheCredentialsDrawnForIt() {
        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/api/v1");
        assertThat(accessKey).hasSize(20).isNotEqualTo("MOCKACCESSKEY0000001");
        ApiKey seeded = apiKeys.getApiKey("seedweb001");
        assertThat(seeded.getApiKeyName()).isEqualTo("web-frontend");
    }

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
    void ncpsRefusalsArriveAsNcpApiException() {
        assertThatThrownBy(() -> apiKeys.getApiKey("zzzzzzzzzz")).isInstanceOfSatisfying(NcpApiException.class, refused -> {
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.errorCode()).contains("300");
        });
    }
}
