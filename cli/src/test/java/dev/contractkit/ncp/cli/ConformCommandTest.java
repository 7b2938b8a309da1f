package dev.contractkit.ncp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code conform} against a drifted provider: a renamed field, a wrong enum value and an undocumented status are
 * each named, and the exit code is 1. (Against the mock it passes: the doc test runs the documented command.)
 */
@QuarkusMainTest
class ConformCommandTest {
    private static final String ENVELOPE_404 = "{\"error\": {\"errorCode\": \"300\", \"message\": \"Not Found Exception\", \"details\": \"nothing\"}}";
    /** Drifted answers by path; every other path answers NCP's 404. */
    private static final Map<String, String[]> DRIFTED = Map.of(
            "/api/v1/api-keys", new String[] {"200", """
                    {"apiKeys": [{"apiKeyId": "abcde12345", "apiKeyName": "web", "apiKeyDescription": "", "primaryKey": "P1",
                      "secondaryKey": "S1", "enabled": true, "modTime": "2024-05-08T00:21:31Z", "domainCode": "PUB"}],
                     "total": 1, "initialCount": 1}"""},
            "/api/v1/products", new String[] {"200", """
                    {"productPage": {"content": [{"productId": "prodpub001", "productName": "Weather", "productDescription": "",
                      "subscriptionCode": "SECRET", "isPublished": true, "modTime": "2024-05-01T00:00:00Z"}], "total": 1},
                     "initialCount": 1}"""},
            "/api/v1/products/prodpub001", new String[] {"418", "{\"teapot\": true}"});

    HttpServer drifted;

    @BeforeEach
    void start() throws IOException {
        drifted = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        drifted.createContext("/", exchange -> {
            String[] answer = DRIFTED.getOrDefault(exchange.getRequestURI().getPath(), new String[] {"404", ENVELOPE_404});
            byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(Integer.parseInt(answer[0]), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        drifted.start();
    }

    @AfterEach
    void stop() {
        drifted.stop(0);
    }

    @Test
    void everyDriftIsNamedAndTheRunFails(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("conform", "--endpoint", "http://127.0.0.1:" + drifted.getAddress().getPort() + "/api/v1");

        assertThat(result.exitCode()).as(result.getOutput() + result.getErrorOutput()).isEqualTo(1);
        String report = result.getOutput();
        assertThat(report).contains("FAIL list API keys").contains("enabled");
        assertThat(report).contains("FAIL list products").contains("SECRET");
        assertThat(report).contains("FAIL get one product").contains("418");
        assertThat(report).contains("does not conform");
    }

    @Test
    void theJsonReportSaysTheSame(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("conform", "--json", "--endpoint", "http://127.0.0.1:" + drifted.getAddress().getPort() + "/api/v1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getOutput()).contains("\"conforms\" : false").contains("\"step\" : \"list products\"");
    }
}
