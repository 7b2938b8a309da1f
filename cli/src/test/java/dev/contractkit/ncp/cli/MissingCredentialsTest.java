package dev.contractkit.ncp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.client.StubNcp;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without credentials a command says which variables to set, sends nothing and exits 3. */
@QuarkusMainTest
@TestProfile(MissingCredentialsTest.NoCredentials.class)
class MissingCredentialsTest {

    public static class NoCredentials implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ncloud.access-key", "", "ncloud.secret-key", "");
        }
    }

    @Test
    void missingCredentialsExit3NamingTheVariables(QuarkusMainLauncher launcher) throws Exception {
        try (StubNcp stub = new StubNcp()) {
            LaunchResult result = launcher.launch("get", "abcde12345", "--endpoint", stub.endpoint());
            assertThat(result.exitCode()).as(result.getErrorOutput()).isEqualTo(3);
            assertThat(result.getErrorOutput()).contains("NCLOUD_ACCESS_KEY", "NCLOUD_SECRET_KEY", "--help");
            assertThat(result.getOutput()).isBlank();
            assertThat(stub.requests()).isEmpty();
        }
    }
}
