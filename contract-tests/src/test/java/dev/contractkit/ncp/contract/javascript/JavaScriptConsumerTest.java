package dev.contractkit.ncp.contract.javascript;

import dev.contractkit.ncp.testsupport.TempFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.ncp.client.NcpApiException;
import dev.contractkit.ncp.client.NcpMockWorkspaces;
import dev.contractkit.ncp.contract.RequestSigning;
import dev.contractkit.ncp.testsupport.ChildProcess;
import dev.contractkit.ncp.testsupport.PackagedMock;
import dev.contractkit.ncp.testsupport.SignedHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The frontend team's way, end to end, with no JVM on their side: examples/frontend-pact-js runs
 * {@code npm ci} (its client is the TypeScript client this build packs, client-ts/target/package), type-checks its
 * code against the client's types ({@code npm run typecheck}), and runs its pact-js consumer test (a V4 pact), then Pact's own Rust verifier (through pact-js)
 * checks that pact against the packaged mock, started as the README starts it with
 * {@code NCP_MOCK_CONTRACT_TESTING=true}, given only the provider-state URL. Drifted copies must fail.
 */
class JavaScriptConsumerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of(System.getProperty("ncp.repo.root", "..")).toAbsolutePath().normalize();
    private static final Path EXAMPLE = ROOT.resolve("examples/frontend-pact-js");
    private static final Path JS_PACT = EXAMPLE.resolve("pacts/ncp-apikeys-frontend-ncp-apigw-apikeys.json");
    private static PackagedMock mock;
    private static String mockUrl;
    private static Path work;

    @BeforeAll
    static void installTheExampleAndStartTheMock() throws Exception {
        work = TempFiles.folder("ncp-js-consumer");
        assertThat(run(EXAMPLE, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")).as("npm ci").isZero();
        assertThat(run(EXAMPLE, "npm", "run", "typecheck")).as("npm run typecheck: the example against the client's types").isZero();
        Files.deleteIfExists(JS_PACT);
        assertThat(run(EXAMPLE, "npm", "test")).as("npm test: the pact-js consumer test").isZero();
        mock = PackagedMock.start(ROOT.resolve("server/target/quarkus-app/quarkus-run.jar"), List.of(),
                Map.of("NCP_MOCK_CONTRACT_TESTING", "true"));
        mockUrl = mock.url();
    }

    @AfterAll
    static void stopTheMock() throws Exception {
        if (mock != null) {
            mock.close();
        }
    }

    @Test
    void theConsumerTestWritesAV4Pact() throws Exception {
        JsonNode pact = JSON.readTree(JS_PACT.toFile());
        assertThat(pact.at("/metadata/pactSpecification/version").asText()).startsWith("4");
        assertThat(pact.get("interactions")).hasSize(6);
    }

    @Test
    void pactsOwnVerifierVerifiesTheJavaScriptPactWithOnlyTheStateUrl() throws Exception {
        assertThat(verify(JS_PACT)).as("pact-js Verifier, see the output above").isZero();
    }

    @Test
    void aFrontendPactThatExpectsEnabledInsteadOfIsEnabledFails() throws Exception {
        Path drifted = drift(JS_PACT, "a request for one API key", interaction -> {
            ObjectNode body = (ObjectNode) interaction.at("/response/body/content");
            body.set("enabled", body.remove("isEnabled"));
        });
        assertThat(verify(drifted)).as("a drifted pact must fail verification").isNotZero();
    }

    @Test
    void aFrontendPactThatSendsATertiaryKeyTypeFails() throws Exception {
        Path drifted = drift(JS_PACT, "a request to regenerate the PRIMARY key",
                interaction -> ((ObjectNode) interaction.at("/request/body/content")).put("keyType", "TERTIARY"));
        assertThat(verify(drifted)).as("a drifted pact must fail verification").isNotZero();
    }

    @Test
    void twoVerifiersAtOnceEachInAWorkspaceOfOneSharedMockWhileASignedClientKeepsItsOwnData() throws Exception {
        // a shared mock that checks signatures and guards /mock/* with an admin token: no global contract-testing switch;
        // the verifiers reach their workspaces' state URLs by the workspaces' ids alone
        String token = "shared-mock-token-5c2e8a71f04d9b36";
        try (PackagedMock shared = PackagedMock.start(ROOT.resolve("server/target/quarkus-app/quarkus-run.jar"), List.of(),
                Map.of("NCP_MOCK_ADMIN_TOKEN", token))) {
            assertThatThrownBy(() -> NcpMockWorkspaces.at(URI.create(shared.url()), null).create("no-token", null, true))
                    .isInstanceOfSatisfying(NcpApiException.class, refused -> assertThat(refused.status()).isEqualTo(401));
            NcpMockWorkspaces workspaces = NcpMockWorkspaces.at(URI.create(shared.url()), token);
            NcpMockWorkspaces.Workspace first = workspaces.create("verifier-1", null, true);
            NcpMockWorkspaces.Workspace second = workspaces.create("verifier-2", null, true);
            CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> verifyAt(first.baseUrl().toString(), JS_PACT));
            CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> verifyAt(second.baseUrl().toString(), JS_PACT));
            List<String> mine = new ArrayList<>();
            while (!(one.isDone() && two.isDone())) {
                HttpResponse<String> created = SignedHttp.send(shared.url(), RequestSigning.MOCK_DEFAULT_CREDENTIALS, "POST", "/api/v1/api-keys",
                        "{\"apiKeyName\": \"signed-" + mine.size() + "\"}");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                mine.add(JSON.readTree(created.body()).at("/apiKey/apiKeyId").asText());
            }
            assertThat(one.get()).as("pact-js Verifier in workspace 1, see the output above").isZero();
            assertThat(two.get()).as("pact-js Verifier in workspace 2, see the output above").isZero();
            JsonNode list = JSON.readTree(SignedHttp.send(shared.url(), RequestSigning.MOCK_DEFAULT_CREDENTIALS, "GET",
                    "/api/v1/api-keys?limit=1000", null).body());
            List<String> ids = new ArrayList<>();
            list.get("apiKeys").forEach(key -> ids.add(key.get("apiKeyId").asText()));
            assertThat(ids).as("the signed client's keys, untouched by two verifiers' resets").containsAll(mine).hasSize(3 + mine.size());
        }
    }

    private static int verifyAt(String baseUrl, Path pact) {
        try {
            return run(EXAMPLE, "node", "verify/verify.js", baseUrl, pact.toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int verify(Path... pacts) throws Exception {
        String[] command = new String[3 + pacts.length];
        command[0] = "node";
        command[1] = "verify/verify.js";
        command[2] = mockUrl;
        for (int i = 0; i < pacts.length; i++) {
            command[3 + i] = pacts[i].toString();
        }
        return run(EXAMPLE, command);
    }

    private static Path drift(Path pact, String description, Consumer<ObjectNode> change) throws IOException {
        JsonNode copy = JSON.readTree(pact.toFile());
        boolean found = false;
        for (JsonNode interaction : copy.get("interactions")) {
            if (interaction.get("description").asText().equals(description)) {
                change.accept((ObjectNode) interaction);
                found = true;
            }
        }
        assertThat(found).as("interaction '%s' in %s", description, pact).isTrue();
        Path file = Files.createTempFile(work, "drifted", ".json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), copy);
        return file;
    }

    private static int run(Path dir, String... command) throws IOException, InterruptedException {
        return ChildProcess.run(dir, Map.of("PACT_DO_NOT_TRACK", "true"), Duration.ofMinutes(10), List.of(command)).exitCode();
    }
}
