package dev.contractkit.ncp.server.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.testsupport.DriftedNcp;
import dev.contractkit.ncp.testsupport.PackagedMock;
import dev.contractkit.ncp.testsupport.SignedHttp;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged mock started as a proxy the way {@code docs/spec-drift.md} shows: with no host setting it listens
 * on loopback only and says so; without client credentials of the user's own, or with the published default
 * pair, it does not start at all, and says which setting to set.
 */
class ProxyLaunchIT {
    private static final Path APP = Path.of(System.getProperty("ncp.server.app", "target/quarkus-app/quarkus-run.jar"));
    private static final NcpCredentials MINE = new NcpCredentials("MYPROXYACCESSKEY0001", "my-own-proxy-secret-0000000000000000000001");
    private static DriftedNcp upstream;

    @BeforeAll
    static void anUpstream() throws IOException {
        upstream = DriftedNcp.start();
    }

    @AfterAll
    static void stopIt() {
        upstream.close();
    }

    private static Map<String, String> proxy(String clientCredentials) {
        Map<String, String> environment = new HashMap<>(Map.of("NCP_MOCK_UPSTREAM", upstream.baseUrl(),
                "NCP_MOCK_UPSTREAM_CREDENTIALS", "UPSTREAMACCESSKEY001:UPSTREAMSECRETKEY0000000000000000000001"));
        if (clientCredentials != null) {
            environment.put("NCP_MOCK_CREDENTIALS", clientCredentials);
        }
        return environment;
    }

    @Test
    void withNoHostSettingAProxyListensOnLoopbackOnly() throws Exception {
        try (PackagedMock proxy = PackagedMock.start(APP, List.of(), proxy(MINE.accessKey() + ":" + MINE.secretKey()))) {
            assertThat(proxy.logText()).contains("Listening on: http://127.0.0.1:" + proxy.port()).contains("listening on 127.0.0.1 (loopback only")
                    .doesNotContain("UPSTREAMSECRETKEY").doesNotContain(MINE.secretKey());
            assertThat(SignedHttp.send(proxy.url(), MINE, "GET", "/api/v1/api-keys", null).statusCode()).isEqualTo(200);
            for (InetAddress address : ownNonLoopbackAddresses()) {
                try (Socket socket = new Socket()) {
                    assertThatThrownBy(() -> socket.connect(new InetSocketAddress(address, proxy.port()), 2000))
                            .as("connecting on %s", address).isInstanceOf(IOException.class);
                }
            }
        }
    }

    @Test
    void anExplicitHostIsTheUsersChoice() throws Exception {
        Map<String, String> environment = proxy(MINE.accessKey() + ":" + MINE.secretKey());
        environment.put("QUARKUS_HTTP_HOST", "0.0.0.0");
        environment.put("NCP_MOCK_ADMIN_TOKEN", "an-admin-token-for-this-test-0001");
        try (PackagedMock proxy = PackagedMock.start(APP, List.of(), environment)) {
            assertThat(proxy.logText()).contains("Listening on: http://0.0.0.0:" + proxy.port()).contains("other machines can call it")
                    .doesNotContain("an-admin-token-for-this-test-0001");
        }
    }

    @Test
    void withoutClientCredentialsOfItsOwnAProxyDoesNotStart() {
        int before = upstream.arrivals().size();
        assertThatThrownBy(() -> PackagedMock.start(APP, List.of(), proxy(null)))
                .hasMessageContaining("proxy mode (ncp.mock.upstream) needs client credentials of your own").hasMessageContaining("NCP_MOCK_CREDENTIALS");
        assertThatThrownBy(() -> PackagedMock.start(APP, List.of(), proxy("MOCKACCESSKEY0000001:MOCKSECRETKEY000000000000000000000000001")))
                .hasMessageContaining("published local default pair");
        assertThat(upstream.arrivals()).hasSize(before);
    }

    /** This machine's own addresses other than loopback (a machine with none has nothing to check). */
    private static List<InetAddress> ownNonLoopbackAddresses() throws IOException {
        return NetworkInterface.networkInterfaces().filter(face -> {
            try {
                return face.isUp() && !face.isLoopback();
            } catch (IOException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(address -> address instanceof Inet4Address).toList();
    }
}
