package dev.contractkit.ncp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NcpClientCredentialsTest {

    @Test
    void readsNcpsEnvironmentVariables() {
        var credentials = NcpClientCredentials.fromEnvironment(Map.of("NCLOUD_ACCESS_KEY", "AK", "NCLOUD_SECRET_KEY", "SK"));
        assertThat(credentials.accessKey()).isEqualTo("AK");
        assertThat(credentials.secretKey()).isEqualTo("SK");
        assertThat(credentials.toString()).doesNotContain("SK");
    }

    @Test
    void namesTheMissingVariablesWithoutShowingValues() {
        assertThatThrownBy(() -> NcpClientCredentials.fromEnvironment(Map.of("NCLOUD_ACCESS_KEY", "AK")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NCLOUD_SECRET_KEY")
                .hasMessageNotContaining("AK,");
    }
}
