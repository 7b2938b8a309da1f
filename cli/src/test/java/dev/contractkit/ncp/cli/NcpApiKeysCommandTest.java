package dev.contractkit.ncp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.client.StubNcp;
import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.signature.NcpHeaders;
import dev.contractkit.ncp.signature.SignatureVerifier;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each command against an in-test HTTP stub that records what the signed client sent. */
@QuarkusMainTest
class NcpApiKeysCommandTest {
    private static final NcpCredentials TEST = new NcpCredentials("TESTACCESSKEY0000000", "TESTSECRETKEY000000000000000000000000000");
    private static final String API_KEY = """
            {"apiKey": {"apiKeyId": "abcde12345", "apiKeyName": "web", "primaryKey": "P2", "secondaryKey": "S1",
             "isEnabled": true, "modTime": "2024-05-08T00:21:31Z", "domainCode": "PUB"}}
            """;
    private final ObjectMapper json = new ObjectMapper();

    StubNcp stub;

    @BeforeEach
    void start() throws Exception {
        stub = new StubNcp();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private LaunchResult run(QuarkusMainLauncher launcher, String... args) {
        String[] withEndpoint = Arrays.copyOf(args, args.length + 2);
        withEndpoint[args.length] = "--endpoint";
        withEndpoint[args.length + 1] = stub.endpoint();
        return launcher.launch(withEndpoint);
    }

    private void assertSignedRequest(String method, String pathAndQuery) {
        StubNcp.Recorded request = stub.lastRequest();
        assertThat(request.method()).isEqualTo(method);
        assertThat(request.rawPathAndQuery()).isEqualTo(pathAndQuery);
        assertThat(new SignatureVerifier(List.of(TEST), Clock.systemUTC()).verify(request.method(), request.rawPathAndQuery(),
                request.header(NcpHeaders.TIMESTAMP), request.header(NcpHeaders.ACCESS_KEY), request.header(NcpHeaders.SIGNATURE))
                .isValid()).isTrue();
    }

    @Test
    void regeneratePrintsTheAnswerAndSendsTheKeyType(QuarkusMainLauncher launcher) throws Exception {
        stub.answer(200, API_KEY);
        LaunchResult result = run(launcher, "regenerate", "abcde12345", "--key-type", "SECONDARY");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(json.readTree(result.getOutput()).at("/apiKey/primaryKey").asText()).isEqualTo("P2");
        assertSignedRequest("PATCH", "/api/v1/api-keys/abcde12345");
        assertThat(json.readTree(stub.lastRequest().body())).isEqualTo(json.readTree("""
                {"keyType": "SECONDARY"}
                """));
    }

    @Test
    void createSendsNameAndDescription(QuarkusMainLauncher launcher) throws Exception {
        stub.answer(201, API_KEY);
        LaunchResult result = run(launcher, "create", "--name", "web", "--description", "for the web app");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(json.readTree(result.getOutput()).at("/apiKey/apiKeyId").asText()).isEqualTo("abcde12345");
        assertSignedRequest("POST", "/api/v1/api-keys");
        assertThat(json.readTree(stub.lastRequest().body())).isEqualTo(json.readTree("""
                {"apiKeyName": "web", "apiKeyDescription": "for the web app"}
                """));
    }

    @Test
    void listSendsItsFiltersAsASignedQuery(QuarkusMainLauncher launcher) throws Exception {
        stub.answer(200, """
                {"apiKeys": [{"apiKeyId": "abcde12345"}], "total": 1, "initialCount": 3}
                """);
        LaunchResult result = run(launcher, "list", "--name", "web", "--offset", "0", "--limit", "5");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        JsonNode printed = json.readTree(result.getOutput());
        assertThat(printed.at("/total").asLong()).isEqualTo(1);
        assertThat(printed.at("/apiKeys/0/apiKeyId").asText()).isEqualTo("abcde12345");
        assertSignedRequest("GET", "/api/v1/api-keys?offset=0&limit=5&apiKeyName=web");
    }

    @Test
    void getPrintsTheBareObject(QuarkusMainLauncher launcher) throws Exception {
        stub.answer(200, """
                {"apiKeyId": "abcde12345", "isEnabled": false}
                """);
        LaunchResult result = run(launcher, "get", "abcde12345");

        assertThat(result.exitCode()).isZero();
        assertThat(json.readTree(result.getOutput()).at("/isEnabled").asBoolean(true)).isFalse();
        assertSignedRequest("GET", "/api/v1/api-keys/abcde12345");
    }

    @Test
    void updateSendsNameDescriptionAndEnabled(QuarkusMainLauncher launcher) throws Exception {
        stub.answer(200, API_KEY);
        LaunchResult result = run(launcher, "update", "abcde12345", "--name", "renamed", "--enabled", "false");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertSignedRequest("PUT", "/api/v1/api-keys/abcde12345");
        assertThat(json.readTree(stub.lastRequest().body())).isEqualTo(json.readTree("""
                {"apiKeyName": "renamed", "isEnabled": false}
                """));
    }

    @Test
    void deletePrintsNothingAndExits0(QuarkusMainLauncher launcher) {
        stub.answer(204, "");
        LaunchResult result = run(launcher, "delete", "abcde12345");

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).isBlank();
        assertSignedRequest("DELETE", "/api/v1/api-keys/abcde12345");
    }

    @Test
    void anNcpErrorGoesToStandardErrorWithExitCode1(QuarkusMainLauncher launcher) {
        stub.answer(404, """
                {"error": {"errorCode": "300", "message": "Not Found Exception", "details": "API key 'nope' was not found."}}
                """);
        LaunchResult result = run(launcher, "get", "nope");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getOutput()).isBlank();
        assertThat(result.getErrorOutput()).contains("404", "errorCode: 300", "message: Not Found Exception",
                "details: API key 'nope' was not found.");
    }

    @Test
    void anUnreachableEndpointExits4(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("get", "x", "--endpoint", "http://127.0.0.1:1/api/v1");
        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.getErrorOutput()).contains("Could not reach");
    }

    @Test
    void subscribeAndUnsubscribeSendTheProductAndPrintNothing(QuarkusMainLauncher launcher) throws Exception {
        stub.answer(200, "");
        LaunchResult result = run(launcher, "subscribe", "abcde12345", "--product", "prodpub001");
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(result.getOutput()).isBlank();
        assertSignedRequest("POST", "/api/v1/api-keys/abcde12345/subscribe");
        assertThat(json.readTree(stub.lastRequest().body())).isEqualTo(json.readTree("{\"productId\": \"prodpub001\"}"));

        stub.answer(200, "");
        result = run(launcher, "unsubscribe", "abcde12345", "--product", "prodpub001");
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertSignedRequest("POST", "/api/v1/api-keys/abcde12345/unsubscribe");
        assertThat(json.readTree(stub.lastRequest().body())).isEqualTo(json.readTree("{\"productId\": \"prodpub001\"}"));
    }

    @Test
    void approveAndRejectSendTheDecisionToTheProductSide(QuarkusMainLauncher launcher) throws Exception {
        stub.answer(204, "");
        assertThat(run(launcher, "approve", "prodprt002", "abcde12345").exitCode()).isZero();
        assertSignedRequest("PATCH", "/api/v1/products/prodprt002/api-keys/abcde12345");
        assertThat(json.readTree(stub.lastRequest().body())).isEqualTo(json.readTree("{\"status\": \"ACCEPTED\"}"));
        stub.answer(204, "");
        assertThat(run(launcher, "reject", "prodprt002", "abcde12345").exitCode()).isZero();
        assertThat(json.readTree(stub.lastRequest().body())).isEqualTo(json.readTree("{\"status\": \"REJECTED\"}"));
        stub.answer(204, "");
        assertThat(run(launcher, "set-plan", "prodprt002", "abcde12345", "stgpayprd1", "--plan", "planpaygld").exitCode()).isZero();
        assertSignedRequest("PUT", "/api/v1/products/prodprt002/api-keys/abcde12345/stages/stgpayprd1");
        assertThat(json.readTree(stub.lastRequest().body())).isEqualTo(json.readTree("{\"usagePlanId\": \"planpaygld\"}"));
    }

    @Test
    void theLookUpsSendTheirFiltersAndPrintTheAnswer(QuarkusMainLauncher launcher) throws Exception {
        stub.answer(200, "{\"apiKeyRelateProductDtos\": [{\"productId\": \"prodpub001\", \"status\": \"ACCEPTED\"}], \"total\": 1}");
        LaunchResult result = run(launcher, "products", "abcde12345", "--limit", "5");
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(json.readTree(result.getOutput()).at("/apiKeyRelateProductDtos/0/status").asText()).isEqualTo("ACCEPTED");
        assertSignedRequest("GET", "/api/v1/api-keys/abcde12345/products?limit=5");

        stub.answer(200, "{\"apiKeyRelations\": {\"content\": [{\"stageId\": \"stgwthrprd\", \"usagePlanId\": \"planpro001\"}], \"total\": 1}}");
        result = run(launcher, "subscriptions", "abcde12345", "--product", "prodpub001", "--stage", "stgwthrprd");
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(json.readTree(result.getOutput()).at("/apiKeyRelations/content/0/usagePlanId").asText()).isEqualTo("planpro001");
        assertSignedRequest("GET", "/api/v1/api-keys/abcde12345/subscription-detail?productId=prodpub001&stageId=stgwthrprd");

        stub.answer(200, "{\"apiKeyPage\": {\"content\": [{\"apiKeyId\": \"abcde12345\", \"status\": \"REQUEST\"}], \"total\": 1}}");
        result = run(launcher, "product-keys", "prodprt002", "--key-value", "P2", "--status", "REQUEST,ACCEPTED");
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(json.readTree(result.getOutput()).at("/apiKeyPage/content/0/apiKeyId").asText()).isEqualTo("abcde12345");
        assertSignedRequest("POST", "/api/v1/products/prodprt002/api-keys/search");
        assertThat(json.readTree(stub.lastRequest().body())).isEqualTo(json.readTree(
                "{\"apiKeyValue\": \"P2\", \"statusSet\": [\"REQUEST\", \"ACCEPTED\"]}"));

        stub.answer(200, "{\"productPage\": {\"content\": [{\"productId\": \"prodpub001\", \"subscriptionCode\": \"PUBLIC\"}], \"total\": 1}, \"initialCount\": 3}");
        result = run(launcher, "catalog", "--subscription-code", "PUBLIC", "--name", "Weather");
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(json.readTree(result.getOutput()).at("/initialCount").asInt()).isEqualTo(3);
        assertSignedRequest("GET", "/api/v1/products?productName=Weather&subscriptionCode=PUBLIC");
    }

    @Test
    void aSubscriptionErrorExits1WithTheEnvelope(QuarkusMainLauncher launcher) {
        stub.answer(403, """
                {"error": {"errorCode": "230", "message": "Forbidden", "details": "Subscription requests are blocked."}}
                """);
        LaunchResult result = run(launcher, "subscribe", "abcde12345", "--product", "prodprt002");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getErrorOutput()).contains("403", "errorCode: 230", "details: Subscription requests are blocked.");
    }

    @ParameterizedTest(name = "bad usage: {0}")
    @ValueSource(strings = {"regenerate abcde12345 --key-type TERTIARY", "regenerate abcde12345", "create",
        "update abcde12345 --name x", "update abcde12345 --name x --enabled", "get", "list --limit many", "rotate x",
        "subscribe abcde12345", "unsubscribe abcde12345", "subscriptions abcde12345", "approve prodprt002", "reject",
        "product-keys prodprt002 --status MAYBE", "catalog --subscription-code SECRET", "products", "set-plan p k"})
    void badUsagePrintsHelpAndExits2(String args, QuarkusMainLauncher launcher) {
        // pointed at the stub, so a command that did send anything would be seen
        LaunchResult result = run(launcher, args.split(" "));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains("Usage:");
        assertThat(stub.requests()).isEmpty();
    }

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"create", "list", "get", "update", "delete", "regenerate", "catalog", "products", "subscribe",
        "unsubscribe", "subscriptions", "approve", "reject", "product-keys", "set-plan"})
    void everyCommandHasHelp(String command, QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch(command, "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).contains("Usage:", command, "--endpoint");
    }

    @Test
    void theStubSeesWhatARunSends(QuarkusMainLauncher launcher) {
        // the check above means something only if a run pointed at the stub is recorded
        stub.answer(204, "");
        run(launcher, "delete", "abcde12345");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void topLevelHelpListsTheCommands(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).contains("create", "list", "get", "update", "delete", "regenerate", "catalog", "products",
                "subscribe", "unsubscribe", "subscriptions", "approve", "reject", "product-keys", "set-plan", "3 no credentials", "4 endpoint unreachable", "5 unexpected error");
    }

    @Test
    void callSendsTheKeyHeaderWithoutASignatureAndPrintsTheAnswer(QuarkusMainLauncher launcher) {
        stub.answer(200, "{\"apiKeyId\": \"abcde12345\", \"keyType\": \"SECONDARY\"}");
        String url = stub.endpoint().replace("/api/v1", "/gateway/wthr7k2m4q/weather-forecast/prod/forecasts?city=seoul");
        LaunchResult result = launcher.launch("call", "--key", "S1", "-X", "post", "--data", "{\"a\": 1}", url);

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(result.getOutput()).contains("\"keyType\": \"SECONDARY\"");
        StubNcp.Recorded request = stub.lastRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPathAndQuery()).isEqualTo("/gateway/wthr7k2m4q/weather-forecast/prod/forecasts?city=seoul");
        assertThat(request.header("x-ncp-apigw-api-key")).isEqualTo("S1");
        assertThat(request.header(NcpHeaders.SIGNATURE)).isNull();
        assertThat(request.body()).isEqualTo("{\"a\": 1}");
    }

    @Test
    void aRefusedCallPrintsTheStatusAndEnvelopeAndExits1(QuarkusMainLauncher launcher) {
        stub.answer(401, """
                {"error": {"errorCode": "210", "message": "Permission Denied", "details": "A subscription to the API is required."}}
                """);
        LaunchResult result = launcher.launch("call", "--key", "P2", stub.endpoint().replace("/api/v1", "/gateway/pay3x9v1zb/payments/sandbox"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getOutput()).isBlank();
        assertThat(result.getErrorOutput()).contains("401", "\"210\"", "A subscription to the API is required.");
    }

    @Test
    void workspaceCreatePostsTheRequestAndPrintsTheCredentialsAndBaseUrl(QuarkusMainLauncher launcher) throws Exception {
        stub.answer(201, """
                {"workspace": {"workspaceId": "ws0000abcd", "name": "ci", "accessKey": "WSAAAAAAAAAAAAAAAAAA",
                 "secretKey": "s3cr3t", "baseUrl": "http://localhost:8080/workspaces/ws0000abcd",
                 "expiresAt": "2026-12-01T15:00:00Z", "contractTesting": true}}
                """);
        String mock = stub.endpoint().replace("/api/v1", "");
        LaunchResult result = launcher.launch("workspace", "create", "--name", "ci", "--ttl-seconds", "600", "--contract-testing", "--mock", mock);

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(json.readTree(result.getOutput()).at("/workspace/baseUrl").asText()).isEqualTo("http://localhost:8080/workspaces/ws0000abcd");
        assertThat(json.readTree(result.getOutput()).at("/workspace/secretKey").asText()).isEqualTo("s3cr3t");
        StubNcp.Recorded request = stub.lastRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPathAndQuery()).isEqualTo("/mock/workspaces");
        assertThat(json.readTree(request.body())).isEqualTo(json.readTree("{\"name\": \"ci\", \"ttlSeconds\": 600, \"contractTesting\": true}"));
    }

    @Test
    void workspaceCommandsSendTheSharedMocksAdminTokenAndGetPrintsNoSecret(QuarkusMainLauncher launcher) throws Exception {
        stub.answer(200, """
                {"workspace": {"workspaceId": "ws0000abcd", "name": "ci", "accessKey": "WSAAAAAAAAAAAAAAAAAA",
                 "baseUrl": "http://localhost:8080/workspaces/ws0000abcd", "expiresAt": "2026-12-01T15:00:00Z", "contractTesting": false}}
                """);
        System.setProperty("ncp.mock.admin-token", "team-token-0001");
        try {
            LaunchResult result = launcher.launch("workspace", "get", "ws0000abcd", "--mock", stub.endpoint().replace("/api/v1", ""));
            assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
            assertThat(json.readTree(result.getOutput()).at("/workspace").has("secretKey")).isFalse();
        } finally {
            System.clearProperty("ncp.mock.admin-token");
        }
        assertThat(stub.lastRequest().header("Authorization")).isEqualTo("Bearer team-token-0001");
    }

    @Test
    void workspaceDeleteOfAnUnknownWorkspaceExits1WithNotFound(QuarkusMainLauncher launcher) {
        stub.answer(404, """
                {"error": {"errorCode": "300", "message": "Not Found Exception", "details": "Workspace 'nope' was not found."}}
                """);
        LaunchResult result = launcher.launch("workspace", "delete", "nope", "--mock", stub.endpoint().replace("/api/v1", ""));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getErrorOutput()).contains("404", "\"300\"");
        assertThat(stub.lastRequest().method()).isEqualTo("DELETE");
        assertThat(stub.lastRequest().rawPathAndQuery()).isEqualTo("/mock/workspaces/nope");
    }
}
