package dev.contractkit.ncp.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NcpCredentialsTest {

    @Test
    void parsesCommaSeparatedPairs() {
        assertThat(NcpCredentials.parseList(" a1:s1 , a2:s2:with-colon ,"))
                .containsExactly(new NcpCredentials("a1", "s1"), new NcpCredentials("a2", "s2:with-colon"));
    }

    @Test
    void rejectsAPairWithoutSecretAndDoesNotEchoIt() {
        assertThatThrownBy(() -> NcpCredentials.parseList("a1:s1,mysecretvalue"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("mysecretvalue");
        assertThatThrownBy(() -> NcpCredentials.parseList(" , "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverPrintsTheSecret() {
        assertThat(new NcpCredentials("ACCESS", "SUPERSECRET").toString())
                .contains("ACCESS")
                .doesNotContain("SUPERSECRET");
    }
}
