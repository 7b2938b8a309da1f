package dev.contractkit.ncp.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.testsupport.PackagedMock;
import dev.contractkit.ncp.testsupport.SignedHttp;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged mock with a header-read timeout of 1 s: a connection that sent half a request and fell silent,
 * or never sent anything, is closed; one whose request takes longer than that to answer (a latency of 1.5 s)
 * is answered in full, and a kept-alive connection serves a second request at once.
 */
class ConnectionTimeoutsIT {
    private static final Path APP = Path.of(System.getProperty("ncp.server.app", "target/quarkus-app/quarkus-run.jar"));
    private static final NcpCredentials DEFAULT = new NcpCredentials("MOCKACCESSKEY0000001", "MOCKSECRETKEY000000000000000000000000001");
    private static PackagedMock mock;

    @BeforeAll
    static void start() throws Exception {
        mock = PackagedMock.start(APP, List.of("-Dncp.mock.header-read-timeout=1s"), Map.of());
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    /** Milliseconds until the server closed the connection, or -1 when it still held it after {@code waitMillis}. */
    private static long closedAfter(String sent, int waitMillis) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", mock.port()), 2000);
            OutputStream out = socket.getOutputStream();
            out.write(sent.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(waitMillis);
            long started = System.nanoTime();
            InputStream in = socket.getInputStream();
            try {
                while (in.read() >= 0) {
                    // an answer to a whole request may come first; the close is what counts
                }
                return (System.nanoTime() - started) / 1_000_000;
            } catch (SocketTimeoutException stillOpen) {
                return -1;
            }
        }
    }

    @Test
    void halfSentHeadersAreDroppedByTheHeaderReadTimeout() throws Exception {
        long closed = closedAfter("GET /q/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", 8000);
        assertThat(closed).as("closed, in ms").isBetween(500L, 5000L);
    }

    @Test
    void aConnectionThatSendsNothingIsDropped() throws Exception {
        assertThat(closedAfter("", 8000)).as("closed, in ms").isBetween(500L, 5000L);
    }

    @Test
    void aRequestSlowerThanTheTimeoutIsAnsweredInFull() throws Exception {
        try (PackagedMock slow = PackagedMock.start(APP, List.of("-Dncp.mock.header-read-timeout=1s", "-Dncp.mock.latency=1500"), Map.of())) {
            var answer = SignedHttp.send(slow.url(), DEFAULT, "GET", "/api/v1/api-keys/seedweb001", null);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("seedweb001");
            assertThat(SignedHttp.send(slow.url(), DEFAULT, "GET", "/api/v1/api-keys/seedmob002", null).statusCode()).isEqualTo(200);
        }
    }
}
