package dev.contractkit.ncp.server.switches;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.testsupport.PackagedMock;
import dev.contractkit.ncp.testsupport.SignedHttp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults and latency switched on for every request by configuration ({@code ncp.mock.fault},
 * {@code ncp.mock.fault-rate}, {@code ncp.mock.latency}), as a frontend team starts a mock to see its error
 * screens: every request is refused after the latency, and the {@code X-Mock-Fault: none} header still lets one
 * through.
 */
class ConfiguredFaultIT {
    private static final NcpCredentials DEFAULT = new NcpCredentials("MOCKACCESSKEY0000001", "MOCKSECRETKEY000000000000000000000000001");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PackagedMock mock;

    @BeforeAll
    static void startTheMock() throws Exception {
        mock = PackagedMock.start(Path.of(System.getProperty("ncp.server.app", "target/quarkus-app/quarkus-run.jar")),
                List.of("-Dncp.mock.fault=410", "-Dncp.mock.fault-rate=1.0", "-Dncp.mock.latency=50-100"), Map.of());
    }

    @AfterAll
    static void stopTheMock() {
        mock.close();
    }

    @Test
    void everyRequestIsThrottledAfterTheConfiguredLatency() throws Exception {
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = SignedHttp.send(mock.url(), DEFAULT, "GET", "/api/v1/api-keys", null);
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
            assertThat(JSON.readTree(response.body()).at("/error/errorCode").asText()).isEqualTo("410");
            assertThat(tookMs).isGreaterThanOrEqualTo(50);
        }
    }

    @Test
    void aHeaderOfNoneLetsOneRequestThrough() throws Exception {
        HttpResponse<String> response = SignedHttp.send(mock.url(), DEFAULT, "GET", "/api/v1/api-keys", null, Map.of("X-Mock-Fault", "none"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).at("/total").asInt()).isPositive();
    }
}
