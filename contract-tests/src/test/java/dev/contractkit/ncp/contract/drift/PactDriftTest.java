package dev.contractkit.ncp.contract.drift;

import dev.contractkit.ncp.testsupport.TempFiles;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.provider.HttpClientFactory;
import au.com.dius.pact.provider.ProviderClient;
import au.com.dius.pact.provider.ProviderInfo;
import au.com.dius.pact.provider.ProviderVerifier;
import au.com.dius.pact.provider.VerificationResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.ncp.contract.PactStates;
import dev.contractkit.ncp.contract.RequestSigning;
import dev.contractkit.ncp.server.auth.Tenant;
import dev.contractkit.ncp.server.pact.ProviderStates;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proof that the contract tests can fail: our own pact, changed in one place, is verified against the
 * real server with Pact's own verifier (same states, same re-signing as the provider test), and the
 * verification must fail and say where.
 */
@QuarkusTest
class PactDriftTest {
    private static final Path OUR_PACT = Path.of("target", "pacts", "ncp-apigw-apikeys-client-ncp-apigw-apikeys.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Tenant TENANT = Tenant.of(RequestSigning.SERVER_TEST_CREDENTIALS.accessKey());

    private static JsonNode ourPact;

    @Inject
    ProviderStates providerStates;

    @TestHTTPResource("/")
    URI server;

    @BeforeAll
    static void readOurPact() throws IOException {
        assertThat(OUR_PACT).as("the consumer tests write this pact first").exists();
        ourPact = JSON.readTree(OUR_PACT.toFile());
    }

    @Test
    void everyUnchangedInteractionPasses() throws IOException {
        for (JsonNode interaction : ourPact.get("interactions")) {
            VerificationResult result = verify(interaction.get("description").asText(), unchanged -> { });
            assertThat(result).as(interaction.get("description").asText()).isInstanceOf(VerificationResult.Ok.class);
        }
    }

    @Test
    void aKeyTypeOutsideTheEnumFails() throws IOException {
        VerificationResult result = verify("regenerate the primary key",
                interaction -> ((ObjectNode) interaction.at("/request/body")).put("keyType", "TERTIARY"));
        assertFailsMentioning(result, "200", "400");
    }

    @Test
    void aRenamedFieldFails() throws IOException {
        VerificationResult result = verify("get one API key", interaction -> {
            ObjectNode body = (ObjectNode) interaction.at("/response/body");
            body.set("enabled", body.remove("isEnabled"));
            renameRules(interaction, "$.isEnabled", "$.enabled");
        });
        assertFailsMentioning(result, "enabled");
    }

    @Test
    void aMissingApiKeyWrapperFails() throws IOException {
        VerificationResult result = verify("regenerate the secondary key", interaction -> {
            ObjectNode response = (ObjectNode) interaction.get("response");
            response.set("body", response.at("/body/apiKey"));
            renameRules(interaction, "$.apiKey.", "$.");
        });
        assertFailsMentioning(result, "apiKeyId");
    }

    @Test
    void aWrongStatusCodeFails() throws IOException {
        VerificationResult result = verify("create an API key", interaction -> ((ObjectNode) interaction.get("response")).put("status", 200));
        assertFailsMentioning(result, "201");
    }

    @Test
    void aWrongErrorCodeFails() throws IOException {
        VerificationResult result = verify("regenerate a key that does not exist",
                interaction -> ((ObjectNode) interaction.at("/response/body/error")).put("errorCode", "404"));
        assertFailsMentioning(result, "errorCode");
    }

    @Test
    void aSubscriptionStatusTheServerDoesNotAnswerFails() throws IOException {
        // a consumer that expects APPROVED: the example value and its matcher both say so
        VerificationResult result = verify("list the products of an API key", interaction -> {
            ((ObjectNode) interaction.at("/response/body/apiKeyRelateProductDtos/0")).put("status", "APPROVED");
            JsonNode matchers = interaction.at("/response/matchingRules/body").get("$.apiKeyRelateProductDtos[*].status").get("matchers");
            assertThat(matchers.get(0).get("match").asText()).isEqualTo("regex");
            ((ObjectNode) matchers.get(0)).put("regex", "^APPROVED$");
        });
        assertFailsMentioning(result, "APPROVED");
    }

    @Test
    void aSubscribeThatExpects204Fails() throws IOException {
        VerificationResult result = verify("subscribe an API key to a product", interaction -> ((ObjectNode) interaction.get("response")).put("status", 204));
        assertFailsMentioning(result, "204");
    }

    @Test
    void aDecisionOutsideItsEnumFails() throws IOException {
        VerificationResult result = verify("approve a subscription request",
                interaction -> ((ObjectNode) interaction.at("/request/body")).put("status", "REQUEST"));
        assertFailsMentioning(result, "204", "400");
    }

    private static void assertFailsMentioning(VerificationResult result, String... words) {
        assertThat(result).as("verification of the changed pact must fail").isInstanceOf(VerificationResult.Failed.class);
        VerificationResult.Failed failed = (VerificationResult.Failed) result;
        StringBuilder text = new StringBuilder(failed.getDescription());
        failed.getFailures().values().forEach(list -> list.forEach(failure -> text.append('\n').append(failure.description())));
        assertThat(text.toString()).contains(words);
    }

    /** Writes a pact with only the named interaction, changed, and verifies it against the real server. */
    private VerificationResult verify(String description, Consumer<ObjectNode> change) throws IOException {
        ObjectNode pactJson = ourPact.deepCopy();
        ArrayNode kept = JSON.createArrayNode();
        for (JsonNode interaction : pactJson.get("interactions")) {
            if (interaction.get("description").asText().equals(description)) {
                change.accept((ObjectNode) interaction);
                kept.add(interaction);
            }
        }
        assertThat(kept).as("our pact has the interaction '%s'", description).hasSize(1);
        pactJson.set("interactions", kept);
        File file = TempFiles.file("changed-pact", ".json").toFile();
        file.deleteOnExit();
        JSON.writeValue(file, pactJson);

        Pact pact = DefaultPactReader.INSTANCE.loadPact(file);
        Interaction interaction = pact.getInteractions().get(0);
        PactStates.Setup setup = PactStates.apply(interaction.getProviderStates(), providerStates, TENANT);

        ProviderInfo provider = new ProviderInfo("ncp-apigw-apikeys");
        provider.setProtocol("http");
        provider.setHost(server.getHost());
        provider.setPort(server.getPort());
        provider.setRequestFilter((Consumer<HttpRequest>) request -> RequestSigning.resign(request, RequestSigning.credentialsFor(setup)));
        Map<String, Object> failures = new HashMap<>();
        return new ProviderVerifier().verifyResponseFromProvider(provider, interaction.asSynchronousRequestResponse(),
                description, failures, new ProviderClient(provider, new HttpClientFactory()));
    }

    private static void renameRules(ObjectNode interaction, String fromPrefix, String toPrefix) {
        JsonNode rules = interaction.at("/response/matchingRules/body");
        if (!(rules instanceof ObjectNode bodyRules)) {
            return;
        }
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = bodyRules.fields(); it.hasNext(); ) {
            entries.add(it.next());
        }
        bodyRules.removeAll();
        for (Map.Entry<String, JsonNode> entry : entries) {
            String path = entry.getKey().startsWith(fromPrefix) ? toPrefix + entry.getKey().substring(fromPrefix.length()) : entry.getKey();
            bodyRules.set(path, entry.getValue());
        }
    }
}
