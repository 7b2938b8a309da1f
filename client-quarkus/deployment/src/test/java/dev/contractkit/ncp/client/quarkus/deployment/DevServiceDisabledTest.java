package dev.contractkit.ncp.client.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.QuarkusUnitTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code quarkus.ncp-mock.devservices.enabled=false}: no mock, no URL set for the client. */
class DevServiceDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.ncp-mock.devservices.enabled", "false");

    @Test
    void nothingPointsTheClientAnywhere() {
        assertThat(ConfigProvider.getConfig().getOptionalValue("quarkus.rest-client.ncp-apigw.url", String.class)).isEmpty();
        assertThat(ConfigProvider.getConfig().getOptionalValue("ncloud.access-key", String.class)).isEmpty();
    }
}
