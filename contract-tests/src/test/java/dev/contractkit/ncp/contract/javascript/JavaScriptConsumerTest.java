package dev.contractkit.ncp.contract.javascript;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.ncp.testsupport.ChildProcess;
import dev.contractkit.ncp.testsupport.PackagedMock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The frontend team's way, end to end, with no JVM on their side: examples/frontend-pact-js runs
 * {@code npm ci} and its pact-js consumer test (a V4 pact), then Pact's own Rust verifier (through pact-js)
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
        work = Files.createTempDirectory("ncp-js-consumer");
        assertThat(run(EXAMPLE, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")).as("npm ci").isZero();
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
