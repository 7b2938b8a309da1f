package dev.contractkit.ncp.client.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.client.generated.api.ApiKeysApi;
import io.quarkus.test.QuarkusUnitTest;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Credentials for NCP itself set for every profile (as NCLOUD_ACCESS_KEY in a developer's shell would be), no
 * URL: the client still calls the Dev Service's mock, signed with credentials it accepts.
 */
class DevServiceWithNcpCredentialsSetTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("ncloud.access-key", "REALACCESSKEY0000001")
            .overrideConfigKey("ncloud.secret-key", "REALSECRETKEY0000000000000000000000001");

    @RestClient
    ApiKeysApi apiKeys;

    @Test
    void theMockAnswersTheClient() {
        assertThat(apiKeys.getApiKey("seedweb001").getApiKeyId()).isEqualTo("seedweb001");
    }
}
