package dev.contractkit.ncp.server.gateway;

import dev.contractkit.ncp.testsupport.TempFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.testsupport.PrivateService;
import dev.contractkit.ncp.testsupport.PackagedMock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gateway checks an API-made workspace's backend on the address its name resolves to when the call is made,
 * not only on the name given at creation: the operator lists {@code *.svc.example}, a seed names
 * {@code inward.svc.example}, and that name resolves to 127.0.0.1 (the mock's JVM reads its names from a hosts file
 * of the test's, {@code -Djdk.net.hosts.file}). The workspace is made, but no call reaches the service on loopback;
 * a name the operator listed exactly is forwarded to.
 */
class GatewayBackendResolutionIT {
    private static final Path APP = Path.of(System.getProperty("ncp.server.app", "target/quarkus-app/quarkus-run.jar"));
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aNameThatResolvesInwardIsRefusedAtTheCallAndAnExactlyListedOneIsForwarded() throws Exception {
        PrivateService privateService = PrivateService.answering("private");
        Path hosts = TempFiles.file("ncp-hosts", ".txt");
        Files.writeString(hosts, "127.0.0.1 localhost inward.svc.example trusted.example\n");
        int port = privateService.port();
        try (PackagedMock mock = PackagedMock.start(APP, List.of("-Djdk.net.hosts.file=" + hosts),
                Map.of("NCP_MOCK_GATEWAY_BACKEND_HOSTS", "*.svc.example,trusted.example"))) {
            String inward = workspace(mock, "http://inward.svc.example:" + port);
            HttpResponse<String> refused = gateway(mock, inward);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("\"errorCode\":\"230\"").contains("127.0.0.1").contains("ncp.mock.gateway-backend-hosts");
            assertThat(privateService.calls()).isZero();

            String trusted = workspace(mock, "http://trusted.example:" + port);
            HttpResponse<String> forwarded = gateway(mock, trusted);
            assertThat(forwarded.statusCode()).isEqualTo(200);
            assertThat(forwarded.body()).isEqualTo("private");
            assertThat(privateService.calls()).isEqualTo(1);
        } finally {
            privateService.close();
            Files.deleteIfExists(hosts);
        }
    }

    private static String workspace(PackagedMock mock, String backend) throws Exception {
        String seed = PrivateService.forwarderSeed(backend);
        HttpResponse<String> made = HTTP.send(HttpRequest.newBuilder(URI.create(mock.url() + "/mock/workspaces")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(seed)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return JSON.readTree(made.body()).at("/workspace/workspaceId").asText();
    }

    private static HttpResponse<String> gateway(PackagedMock mock, String workspaceId) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(mock.url() + "/workspaces/" + workspaceId + PrivateService.GATEWAY + "/latest/meta-data"))
                .header("x-ncp-apigw-api-key", PrivateService.SEED_KEY).build(), HttpResponse.BodyHandlers.ofString());
    }
}
