package dev.contractkit.ncp.client.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.client.generated.api.ApiKeysApi;
import io.quarkus.test.QuarkusUnitTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code quarkus.ncp-mock.devservices.settings."..."} reach the mock: here, a seed file of the application's own. */
class DevServiceSettingsTest {
    private static final Path SEED = seed();

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.ncp-mock.devservices.settings.\"ncp.mock.seed-file\"", SEED.toString());

    @RestClient
    ApiKeysApi apiKeys;

    @Test
    void theMockStartsFromTheApplicationsSeed() {
        assertThat(apiKeys.getApiKey("appseed001").getApiKeyName()).isEqualTo("from-the-app");
        assertThat(apiKeys.listApiKeys(null, null, null).getApiKeys()).hasSize(1);
    }

    private static Path seed() {
        try {
            Path file = Files.createTempFile("ncp-seed", ".json");
            file.toFile().deleteOnExit();
            return Files.writeString(file, "[{\"apiKeyId\": \"appseed001\", \"apiKeyName\": \"from-the-app\", \"apiKeyDescription\": \"\", \"isEnabled\": true}]");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
