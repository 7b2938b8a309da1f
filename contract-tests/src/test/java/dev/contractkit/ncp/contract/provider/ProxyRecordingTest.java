package dev.contractkit.ncp.contract.provider;

import dev.contractkit.ncp.testsupport.TempFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.contract.RequestSigning;
import dev.contractkit.ncp.contract.pactcheck.PactSpecCheck;
import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.testsupport.ChildProcess;
import dev.contractkit.ncp.testsupport.PackagedMock;
import dev.contractkit.ncp.testsupport.TestJvm;
import dev.contractkit.ncp.testsupport.SignedHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Proxy mode against a good upstream (a packaged mock with other credentials than the proxy's own), end to end:
 * a client's every kind of call through the proxy is answered as the upstream answers, no drift is reported,
 * the recording holds no secret and no key value, and {@code ncp-apikeys from-recording} turns it into a seed
 * a third mock starts from and a pact that the static spec check accepts and that verifies against that mock.
 */
class ProxyRecordingTest {
    private static final Path ROOT = Path.of(System.getProperty("ncp.repo.root", "..")).toAbsolutePath().normalize();
    private static final Path SERVER = ROOT.resolve("server/target/quarkus-app/quarkus-run.jar");
    private static final Path CLI = ROOT.resolve("cli/target/quarkus-app/quarkus-run.jar");
    private static final NcpCredentials UPSTREAM = new NcpCredentials("UPSTREAMACCESSKEY001", "UPSTREAMSECRETKEY00000000000000000000001");
    private static final NcpCredentials PROXY = new NcpCredentials("PROXYACCESSKEY000001", "PROXYSECRETKEY000000000000000000000000001");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static PackagedMock upstream;
    private static PackagedMock proxy;
    private static PackagedMock seeded;
    private static Path work;
    private static final List<String[]> sameAnswers = new ArrayList<>();
    private static final Set<String> keyValues = new HashSet<>();
    private static ChildProcess.Result converted;

    @BeforeAll
    static void recordThroughTheProxyAndConvert() throws Exception {
        work = TempFiles.folder("ncp-proxy-recording");
        upstream = PackagedMock.start(SERVER, List.of(), Map.of("NCP_MOCK_CREDENTIALS", UPSTREAM.accessKey() + ":" + UPSTREAM.secretKey()));
        proxy = PackagedMock.start(SERVER, List.of(), Map.of("NCP_MOCK_CREDENTIALS", PROXY.accessKey() + ":" + PROXY.secretKey(),
                "NCP_MOCK_UPSTREAM", upstream.url() + "/api/v1",
                "NCP_MOCK_UPSTREAM_CREDENTIALS", UPSTREAM.accessKey() + ":" + UPSTREAM.secretKey(),
                "NCP_MOCK_RECORD_DIR", work.resolve("recording").toString(), "NCP_MOCK_UPSTREAM_ALLOW_WRITES", "true"));

        compare("GET", "/api/v1/api-keys?offset=0&limit=10");
        compare("GET", "/api/v1/api-keys/seedweb001");
        compare("GET", "/api/v1/products");
        compare("GET", "/api/v1/products/prodpub001");
        String id = viaProxy("POST", "/api/v1/api-keys", "{\"apiKeyName\": \"recorded\", \"apiKeyDescription\": \"through the proxy\"}", 201)
                .path("apiKey").path("apiKeyId").asText();
        viaProxy("PATCH", "/api/v1/api-keys/" + id, "{\"keyType\": \"PRIMARY\"}", 200);
        viaProxy("PATCH", "/api/v1/api-keys/" + id, "{\"keyType\": \"SECONDARY\"}", 200);
        viaProxy("PUT", "/api/v1/api-keys/" + id, "{\"apiKeyName\": \"recorded-2\", \"isEnabled\": true}", 200);
        viaProxy("POST", "/api/v1/api-keys/" + id + "/subscribe", "{\"productId\": \"prodpub001\"}", 200);
        viaProxy("GET", "/api/v1/api-keys/" + id + "/subscription-detail?productId=prodpub001", null, 200);
        viaProxy("GET", "/api/v1/api-keys/" + id + "/products", null, 200);
        viaProxy("POST", "/api/v1/api-keys/" + id + "/unsubscribe", "{\"productId\": \"prodpub001\"}", 200);
        viaProxy("DELETE", "/api/v1/api-keys/" + id, null, 204);
        viaProxy("GET", "/api/v1/api-keys/" + id, null, 404);
        viaProxy("PATCH", "/api/v1/api-keys/seedweb001", "{\"keyType\": \"TERTIARY\"}", 400);
        compare("GET", "/api/v1/api-keys?offset=0&limit=10");

        Path recording = work.resolve("recording");
        await().atMost(Duration.ofSeconds(10)).until(() -> fixtures(recording).size() == 16);
        converted = ChildProcess.run(work, Map.of(), Duration.ofMinutes(2), TestJvm.command("-jar", CLI.toString(), "from-recording",
                recording.toString(), "--consumer", "recorded-app", "--seed", "seed.json", "--pact", "pacts/recorded-app.json"));
        assertThat(converted.exitCode()).as(converted.output()).isZero();
        System.setProperty("ncp.recorded.pacts", work.resolve("pacts").toString());
        seeded = PackagedMock.start(SERVER, List.of(), Map.of("NCP_MOCK_SEED_FILE", work.resolve("seed.json").toString()));
    }

    @AfterAll
    static void stop() {
        for (PackagedMock mock : new PackagedMock[] {seeded, proxy, upstream}) {
            if (mock != null) {
                mock.close();
            }
        }
    }

    /** The recorded pact, verified against the mock that started from the recorded seed: one run per interaction. */
    @Nested
    @Provider("ncp-apigw-apikeys")
    @PactFolder("${ncp.recorded.pacts}")
    class ThePactVerifiesAgainstTheSeededMock extends RunningMockVerification {
        @Override
        String mockUrl() {
            return seeded.url();
        }
    }

    @Test
    void theProxyAnswersAsTheUpstreamDoes() {
        assertThat(sameAnswers).hasSize(5).allSatisfy(pair -> assertThat(pair[1]).as(pair[0]).isEqualTo(pair[2]));
    }

    @Test
    void noDriftIsReportedAndTheDeliberateBadBodyIsNamedApart() throws Exception {
        JsonNode report = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(proxy.url() + "/mock/drift")).build(),
                HttpResponse.BodyHandlers.ofString()).body());

        assertThat(report.path("checkedExchanges").asInt()).isEqualTo(16);
        assertThat(report.path("drift")).as(report.toString()).isEmpty();
        assertThat(report.path("requestsOffSpec")).hasSize(1);
        assertThat(report.path("requestsOffSpec").get(0).path("rule").asText()).isEqualTo("validation.request.body.schema.enum");
    }

    @Test
    void theRecordingHoldsNoSecretAndNoKeyValue() throws IOException {
        List<Path> files = fixtures(work.resolve("recording"));
        StringBuilder all = new StringBuilder();
        for (Path file : files) {
            all.append(Files.readString(file));
        }
        assertThat(keyValues).hasSizeGreaterThan(6);
        Set<String> secrets = new HashSet<>(keyValues);
        secrets.addAll(List.of(UPSTREAM.accessKey(), UPSTREAM.secretKey(), PROXY.accessKey(), PROXY.secretKey()));
        for (String secret : secrets) {
            assertThat(all.toString()).as("the recording holds a secret ending in %s", secret.substring(secret.length() - 4)).doesNotContain(secret);
        }
        assertThat(all.toString()).contains("\"primaryKey\" : \"*****");
    }

    @Test
    void thePactPassesTheStaticSpecCheck() {
        assertThat(converted.output()).contains("15 interactions").contains("left out, the spec refuses its request: ").contains("PATCH-api-keys-seedweb001");
        assertThat(PactSpecCheck.mismatches(work.resolve("pacts/recorded-app.json"))).isEmpty();
    }

    @Test
    void theMockStartsFromTheRecordedSeed() throws Exception {
        JsonNode seed = JSON.readTree(work.resolve("seed.json").toFile());
        List<String> recordedIds = new ArrayList<>();
        seed.path("apiKeys").forEach(key -> recordedIds.add(key.path("apiKeyId").asText()));
        assertThat(recordedIds).containsExactlyInAnyOrder("seedweb001", "seedmob002", "seedold003");

        JsonNode listed = JSON.readTree(SignedHttp.send(seeded.url(), RequestSigning.MOCK_DEFAULT_CREDENTIALS,
                "GET", "/api/v1/api-keys", null).body());
        List<String> ids = new ArrayList<>();
        listed.path("apiKeys").forEach(key -> ids.add(key.path("apiKeyId").asText()));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(recordedIds);
    }

    /** The same call to the upstream directly (its credentials) and through the proxy (the proxy's): same status and body. */
    private static void compare(String method, String pathAndQuery) throws Exception {
        HttpResponse<String> direct = SignedHttp.send(upstream.url(), UPSTREAM, method, pathAndQuery, null);
        HttpResponse<String> proxied = SignedHttp.send(proxy.url(), PROXY, method, pathAndQuery, null);
        collectKeyValues(proxied.body());
        sameAnswers.add(new String[] {method + " " + pathAndQuery, direct.statusCode() + " " + direct.body(), proxied.statusCode() + " " + proxied.body()});
    }

    private static JsonNode viaProxy(String method, String pathAndQuery, String json, int expected) throws Exception {
        HttpResponse<String> answer = SignedHttp.send(proxy.url(), PROXY, method, pathAndQuery, json);
        assertThat(answer.statusCode()).as(method + " " + pathAndQuery + ": " + answer.body()).isEqualTo(expected);
        collectKeyValues(answer.body());
        return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
    }

    private static void collectKeyValues(String body) throws IOException {
        if (body.isEmpty()) {
            return;
        }
        for (JsonNode value : JSON.readTree(body).findValues("primaryKey")) {
            keyValues.add(value.asText());
        }
        for (JsonNode value : JSON.readTree(body).findValues("secondaryKey")) {
            keyValues.add(value.asText());
        }
    }

    private static List<Path> fixtures(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }
}
