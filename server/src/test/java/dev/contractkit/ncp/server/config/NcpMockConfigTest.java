package dev.contractkit.ncp.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contractkit.ncp.server.auth.Tenants;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one mapping of the mock's settings: converted and checked at start-up, a bad value names its property. */
class NcpMockConfigTest {

    private static NcpMockConfig load(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(NcpMockConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(new HashMap<>(properties), "test", 500))
                .build();
        return config.getConfigMapping(NcpMockConfig.class);
    }

    @Test
    void defaults() {
        NcpMockConfig config = load(Map.of());
        assertThat(config.verifySignatures()).isTrue();
        assertThat(config.faultRate()).isEqualTo(1.0);
        assertThat(config.latency()).isEmpty();
        assertThat(config.fault()).isEmpty();
        // the safety and fairness settings: nothing open that the user did not open, every limit bounded
        assertThat(config.adminToken()).isEmpty();
        assertThat(config.corsOrigins()).isEmpty();
        assertThat(config.gatewayBackendHosts()).isEmpty();
        assertThat(config.upstreamAllowWrites()).isFalse();
        assertThat(config.tenantMaxKeys()).isEqualTo(10_000);
        assertThat(config.workspaceSeedKeys()).isEqualTo(1_000);
        assertThat(config.workspaceSeedBytes().asLongValue()).isEqualTo(256 * 1024);
        assertThat(config.workspaceMaxTtl()).isEqualTo(java.time.Duration.ofDays(1));
        assertThat(config.headerReadTimeout()).isEqualTo(java.time.Duration.ofSeconds(10));
    }

    @Test
    void valuesAreConverted() {
        NcpMockConfig config = load(Map.of("ncp.mock.latency", "100-400", "ncp.mock.fault", "410", "ncp.mock.fault-rate", "0.25"));
        assertThat(config.latency()).contains(new Latency(100, 400));
        assertThat(config.fault()).isPresent();
        assertThat(config.faultRate()).isEqualTo(0.25);
        assertThat(load(Map.of("ncp.mock.fault", "none")).fault()).isEmpty();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "ncp.mock.fault-rate, 2",
        "ncp.mock.fault-rate, -0.1",
        "ncp.mock.fault-rate, NaN",
        "ncp.mock.fault-rate, often",
        "ncp.mock.latency, abc",
        "ncp.mock.latency, 400-100",
        "ncp.mock.fault, 999",
        "ncp.mock.verify-signatures, maybe",
        "ncp.mock.allowed-clock-skew, soon"})
    void aBadValueStopsStartUpNamingTheProperty(String property, String value) {
        assertThatThrownBy(() -> load(Map.of(property, value))).hasMessageContaining(property);
    }

    @ParameterizedTest(name = "credentials {0}")
    @CsvSource(delimiter = '|', value = {"ACCESSKEYONLY", "AK1:SK1,NOCOLONHERE", ":SECRETONLY", "AK1:SK1,AK1:SK2"})
    void badCredentialsNameThePropertyAndNeverTheSecret(String credentials) {
        NcpMockConfig config = load(Map.of("ncp.mock.credentials", credentials));
        assertThatThrownBy(() -> new Tenants(config, Clock.systemUTC()))
                .hasMessageContaining("ncp.mock.credentials")
                .hasMessageNotContaining("SK1")
                .hasMessageNotContaining("SK2")
                .hasMessageNotContaining("SECRETONLY")
                .hasMessageNotContaining("NOCOLONHERE");
    }
}
