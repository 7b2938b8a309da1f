package dev.contractkit.ncp.client.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contractkit.ncp.client.NcpApiException;
import dev.contractkit.ncp.client.generated.api.ApiKeysApi;
import dev.contractkit.ncp.client.generated.model.ApiKey;
import io.quarkus.test.QuarkusUnitTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** No URL configured: the Dev Service starts the mock, and the injected client calls it signed, with no providers line. */
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
    void ncpsRefusalsArriveAsNcpApiException() {
        assertThatThrownBy(() -> apiKeys.getApiKey("zzzzzzzzzz")).isInstanceOfSatisfying(NcpApiException.class, refused -> {
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.errorCode()).contains("300");
        });
    }
}
