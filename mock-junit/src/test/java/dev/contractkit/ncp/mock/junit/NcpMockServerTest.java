package dev.contractkit.ncp.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The child mock: on a port of its own, guarded by its admin token, and gone when whoever started it is. */
class NcpMockServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theMockEndsWhenTheProcessThatStartedItEndsHoweverItEnds() throws Exception {
        Process parent = new ProcessBuilder("sleep", "120").start();
        try (NcpMockServer mock = NcpMockServer.start(Map.of("ncp.mock.parent-pid", Long.toString(parent.pid())))) {
            assertThat(mock.url().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(status(mock.url(), "/mock/workspaces", null)).as("the admin routes need the token").isEqualTo(401);
            assertThat(status(mock.url(), "/mock/workspaces", mock.adminToken())).isEqualTo(200);

            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !mock.isRunning());
        } finally {
            parent.destroyForcibly();
        }
    }

    private static int status(URI mock, String path, String adminToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(mock.resolve(path));
        if (adminToken != null) {
            request.header("Authorization", "Bearer " + adminToken);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
