package dev.contractkit.ncp.server.upstream;

import dev.contractkit.ncp.testsupport.TempFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proxy mode's settings: https, or plain http to a loopback host only; one ACCESS:SECRET pair, never repeated in a message. */
class UpstreamTest {
    private static final Optional<String> PAIR = Optional.of("REALACCESS0001:REALSECRET000000000001");

    @Test
    void httpsIsTakenAndPlainHttpOnlyToLoopback() {
        assertThat(new Upstream(Optional.of("https://apigateway.apigw.ntruss.com/api/v1/"), PAIR, Optional.empty()).base())
                .hasToString("https://apigateway.apigw.ntruss.com/api/v1");
        assertThat(new Upstream(Optional.of("http://127.0.0.1:9/api/v1"), PAIR, Optional.empty()).enabled()).isTrue();
        assertThat(new Upstream(Optional.of("http://localhost:9/api/v1"), PAIR, Optional.empty()).enabled()).isTrue();
        assertThat(new Upstream(Optional.of("http://[::1]:9/api/v1"), PAIR, Optional.empty()).enabled()).isTrue();
        for (String refused : new String[] {"http://apigateway.apigw.ntruss.com/api/v1", "http://10.0.0.8/api/v1", "http://localhost.example.com/api/v1"}) {
            assertThatThrownBy(() -> new Upstream(Optional.of(refused), PAIR, Optional.empty()))
                    .as(refused).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        }
        assertThatThrownBy(() -> new Upstream(Optional.of("ftp://host/api/v1"), PAIR, Optional.empty())).hasMessageContaining("https URL");
    }

    @Test
    void aProxyTakesOnlyClientCredentialsTheUserChose() {
        assertThatThrownBy(() -> Upstream.checkClientSide(Optional.empty(), true, false)).hasMessageContaining("ncp.mock.credentials")
                .hasMessageContaining("NCP_MOCK_CREDENTIALS");
        assertThatThrownBy(() -> Upstream.checkClientSide(Optional.of(" "), true, false)).hasMessageContaining("ncp.mock.credentials");
        assertThatThrownBy(() -> Upstream.checkClientSide(Optional.of("MOCKACCESSKEY0000001:MOCKSECRETKEY000000000000000000000000001"), true, false))
                .hasMessageContaining("published local default pair").hasMessageNotContaining("MOCKSECRETKEY");
        assertThatThrownBy(() -> Upstream.checkClientSide(Optional.of("MINE0001:mine-secret,MOCKACCESSKEY0000001:other"), true, false))
                .hasMessageContaining("published local default pair");
        assertThatThrownBy(() -> Upstream.checkClientSide(Optional.of("MINE0001:MOCKSECRETKEY000000000000000000000000001"), true, false))
                .hasMessageContaining("published local default pair");
        assertThatThrownBy(() -> Upstream.checkClientSide(Optional.of("MINE0001:mine-secret"), false, false)).hasMessageContaining("verify-signatures");
        assertThatThrownBy(() -> Upstream.checkClientSide(Optional.of("MINE0001:mine-secret"), true, true)).hasMessageContaining("contract-testing");
        Upstream.checkClientSide(Optional.of("MINE0001:mine-secret"), true, false);
    }

    @Test
    void withoutAnUpstreamTheMockIsNoProxy() {
        assertThat(new Upstream(Optional.empty(), Optional.empty(), Optional.empty()).enabled()).isFalse();
    }

    @Test
    void theCredentialsComeFromTheValueOrAFileAndAreNeverRepeated() throws IOException {
        assertThat(new Upstream(Optional.of("https://h/api/v1"), PAIR, Optional.empty()).signer().accessKey()).isEqualTo("REALACCESS0001");
        Path file = TempFiles.file("upstream", ".txt");
        Files.writeString(file, "FILEACCESS0001:FILESECRET0000000001\n");
        Upstream fromFile = new Upstream(Optional.of("https://h/api/v1"), Optional.empty(), Optional.of(file.toString()));
        assertThat(fromFile.signer().accessKey()).isEqualTo("FILEACCESS0001");
        assertThat(fromFile.secrets()).contains("FILESECRET0000000001");

        assertThatThrownBy(() -> new Upstream(Optional.of("https://h/api/v1"), Optional.empty(), Optional.empty()))
                .hasMessageContaining("ncp.mock.upstream-credentials");
        assertThatThrownBy(() -> new Upstream(Optional.of("https://h/api/v1"), Optional.of("ONLYONEPARTSECRETVALUE"), Optional.empty()))
                .hasMessageContaining("ACCESS:SECRET").message().doesNotContain("ONLYONEPARTSECRETVALUE");
        assertThatThrownBy(() -> new Upstream(Optional.of("https://h/api/v1"), Optional.of("A:B:SECRETPART"), Optional.empty()))
                .message().doesNotContain("SECRETPART");
    }
}
