package dev.contractkit.ncp.contract.pactcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The static check must flag the drifts consumers really make, each in a copy of our own good pact. */
class PactSpecCheckDriftTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode goodPact;

    @TempDir
    Path dir;

    @BeforeAll
    static void readOurPact() throws IOException {
        goodPact = JSON.readTree(Path.of("target/pacts/ncp-apigw-apikeys-client-ncp-apigw-apikeys.json").toFile());
    }

    @Test
    void ourOwnPactMatches() throws IOException {
        assertThat(PactSpecCheck.mismatches(write(goodPact))).isEmpty();
    }

    @Test
    void expectingEnabledInsteadOfIsEnabledIsFlagged() throws IOException {
        List<String> found = check("get one API key", interaction -> {
            ObjectNode body = (ObjectNode) interaction.at("/response/body");
            body.set("enabled", body.remove("isEnabled"));
        });
        assertThat(found).anyMatch(line -> line.contains("enabled"));
    }

    @Test
    void sendingATertiaryKeyTypeIsFlagged() throws IOException {
        List<String> found = check("regenerate the primary key", interaction -> ((ObjectNode) interaction.at("/request/body")).put("keyType", "TERTIARY"));
        assertThat(found).anyMatch(line -> line.contains("TERTIARY"));
    }

    @Test
    void expectingTheKeyWithoutItsApiKeyWrapperIsFlagged() throws IOException {
        List<String> found = check("regenerate the primary key", interaction -> {
            ObjectNode response = (ObjectNode) interaction.get("response");
            response.set("body", response.get("body").get("apiKey"));
        });
        assertThat(found).isNotEmpty().anyMatch(line -> line.contains("apiKeyId") || line.contains("additional"));
    }

    @Test
    void anUndocumentedStatusIsFlagged() throws IOException {
        List<String> found = check("regenerate the primary key", interaction -> ((ObjectNode) interaction.get("response")).put("status", 202));
        assertThat(found).anyMatch(line -> line.contains("202"));
    }

    @Test
    void aMissingSecurityHeaderIsFlagged() throws IOException {
        List<String> found = check("regenerate the primary key", interaction -> ((ObjectNode) interaction.at("/request/headers")).remove("x-ncp-apigw-signature-v2"));
        assertThat(found).isNotEmpty();
    }

    /** The interaction described as {@code name}, changed, in a copy of the pact. */
    private List<String> check(String name, Consumer<ObjectNode> change) throws IOException {
        JsonNode copy = goodPact.deepCopy();
        ArrayNode interactions = (ArrayNode) copy.get("interactions");
        ObjectNode target = null;
        for (JsonNode interaction : interactions) {
            if (interaction.get("description").asText().equals(name)) {
                target = (ObjectNode) interaction;
                break;
            }
        }
        assertThat(target).as("an interaction about %s in our pact", name).isNotNull();
        change.accept(target);
        return PactSpecCheck.mismatches(write(copy));
    }

    private Path write(JsonNode pact) throws IOException {
        Path file = Files.createTempFile(dir, "pact", ".json");
        JSON.writeValue(file.toFile(), pact);
        return file;
    }
}
