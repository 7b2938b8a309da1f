package dev.contractkit.ncp.client.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.QuarkusUnitTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A URL set for the running profile: the Dev Service leaves the client to it and starts nothing. */
class DevServiceStaysOffTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.rest-client.ncp-apigw.url", "http://ncp.example:9/api/v1")
            .overrideConfigKey("ncloud.access-key", "OWNACCESSKEY00000001")
            .overrideConfigKey("ncloud.secret-key", "own-secret");

    @ConfigProperty(name = "quarkus.rest-client.ncp-apigw.url")
    String url;

    @ConfigProperty(name = "ncloud.access-key")
    String accessKey;

    @Test
    void theConfiguredUrlAndCredentialsStay() {
        assertThat(url).isEqualTo("http://ncp.example:9/api/v1");
        assertThat(accessKey).isEqualTo("OWNACCESSKEY00000001");
    }
}
