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
        assertThatThrownBy(() -> NcpClientCredentials.fromEnvironment(Map.of("NCLOUD_ACCESS_KEY", "ACCESSVALUE-7f3a")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NCLOUD_SECRET_KEY")
                .hasMessageNotContaining("ACCESSVALUE-7f3a");
        assertThatThrownBy(() -> NcpClientCredentials.fromEnvironment(Map.of("NCLOUD_SECRET_KEY", "SECRETVALUE-9c1e")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NCLOUD_ACCESS_KEY")
                .hasMessageNotContaining("SECRETVALUE-9c1e");
    }
}
