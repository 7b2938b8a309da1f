package dev.contractkit.ncp.server.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.testsupport.FreePort;
import dev.contractkit.ncp.testsupport.PackagedMock;
import dev.contractkit.ncp.testsupport.SignedHttp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A proxy whose upstream is in trouble answers in NCP's envelope and counts no drift: 503 "500" naming the
 * address when nothing listens there, 504 "510" once {@code ncp.mock.upstream-timeout} has passed when the
 * upstream takes the connection and never says a word.
 */
class TroubledUpstreamsIT {
    private static final Path APP = Path.of(System.getProperty("ncp.server.app", "target/quarkus-app/quarkus-run.jar"));
    private static final NcpCredentials MINE = new NcpCredentials("MYPROXYACCESSKEY0001", "my-own-proxy-secret-0000000000000000000001");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PackagedMock proxyTo(String upstream, String... settings) throws IOException {
        return PackagedMock.start(APP, List.of(settings), Map.of("NCP_MOCK_UPSTREAM", upstream,
                "NCP_MOCK_UPSTREAM_CREDENTIALS", "UPSTREAMACCESSKEY001:UPSTREAMSECRETKEY0000000000000000000001",
                "NCP_MOCK_CREDENTIALS", MINE.accessKey() + ":" + MINE.secretKey()));
    }

    private static JsonNode checkedDrift(PackagedMock proxy) throws Exception {
        HttpResponse<String> drift = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(proxy.url() + "/mock/drift")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(drift.statusCode()).as(drift.body()).isEqualTo(200);
        return JSON.readTree(drift.body());
    }

    @Test
    void nothingListeningUpstreamIs503InNcpsEnvelope() throws Exception {
        try (PackagedMock proxy = proxyTo("http://127.0.0.1:" + FreePort.find() + "/api/v1")) {
            HttpResponse<String> answer = SignedHttp.send(proxy.url(), MINE, "GET", "/api/v1/api-keys", null);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
            JsonNode error = JSON.readTree(answer.body()).at("/error");
            assertThat(error.at("/errorCode").asText()).isEqualTo("500");
            assertThat(error.at("/details").asText()).contains("127.0.0.1");
            assertThat(checkedDrift(proxy).at("/checkedExchanges").asInt()).isZero();
        }
    }

    @Test
    void aSilentUpstreamIs504OnceTheTimeoutHasPassed() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread accepting = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-upstream");
            accepting.setDaemon(true);
            accepting.start();
            try (PackagedMock proxy = proxyTo("http://127.0.0.1:" + silent.getLocalPort() + "/api/v1", "-Dncp.mock.upstream-timeout=1s")) {
                long started = System.nanoTime();
                HttpResponse<String> answer = SignedHttp.send(proxy.url(), MINE, "GET", "/api/v1/api-keys", null);
                long tookMs = (System.nanoTime() - started) / 1_000_000;
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(504);
                assertThat(JSON.readTree(answer.body()).at("/error/errorCode").asText()).isEqualTo("510");
                assertThat(tookMs).isBetween(900L, 10_000L);
                assertThat(held).as("the proxy reached the upstream").isNotEmpty();
                assertThat(checkedDrift(proxy).at("/checkedExchanges").asInt()).isZero();
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
