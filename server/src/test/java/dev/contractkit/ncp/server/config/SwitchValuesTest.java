package dev.contractkit.ncp.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contractkit.ncp.server.error.NcpErrorCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SwitchValuesTest {

    @Test
    void parsesFixedAndRangedLatency() {
        assertThat(Latency.parse("250")).isEqualTo(new Latency(250, 250));
        assertThat(Latency.parse(" 100 - 400 ")).isEqualTo(new Latency(100, 400));
        for (int i = 0; i < 100; i++) {
            assertThat(Latency.parse("100-400").drawMillis()).isBetween(100L, 400L);
        }
    }

    @Test
    void refusesNonsense() {
        for (String bad : new String[] {"soon", "-5", "400-100", "1-999999", ""}) {
            assertThatThrownBy(() -> Latency.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void parsesFaults() {
        assertThat(Fault.parse("410")).contains(new Fault(Optional.of(NcpErrorCode.THROTTLE_LIMITED)));
        assertThat(Fault.parse("crash").orElseThrow().isCrash()).isTrue();
        assertThat(Fault.parse("none")).isEmpty();
        assertThatThrownBy(() -> Fault.parse("777")).hasMessageContaining("410");
    }
}
