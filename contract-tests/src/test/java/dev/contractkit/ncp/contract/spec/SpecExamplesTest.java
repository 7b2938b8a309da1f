package dev.contractkit.ncp.contract.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The spec parses cleanly, and each of its examples validates against its schema. */
class SpecExamplesTest {

    @Test
    void theSpecParsesWithoutMessages() {
        SwaggerParseResult result = SpecFile.parse();
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.0.");
    }

    @Test
    void everyExampleMatchesItsSchema() {
        SpecExamples examples = new SpecExamples(SpecFile.openApi());
        List<SpecExamples.Located> all = examples.all();

        assertThat(all).hasSizeGreaterThan(20);
        assertThat(all).flatMap(examples::errorsOf).isEmpty();
    }

    @Test
    void anExampleThatNoLongerMatchesIsCaught() {
        OpenAPI api = SpecFile.openApi();
        Map<String, Example> named = api.getComponents().getExamples();
        named.get("RegeneratePrimaryRequest").setValue(Map.of("keyType", "TERTIARY"));
        named.get("GetResponse").setValue(Map.of("apiKeyId", "k3v9qz0m2a", "isEnabled", "yes"));
        named.get("CreateRequest").setValue(Map.of("apiKeyName", "a name of more than twenty characters"));

        SpecExamples examples = new SpecExamples(api);
        List<String> errors = examples.all().stream().flatMap(example -> examples.errorsOf(example).stream()).toList();

        assertThat(errors).anySatisfy(error -> assertThat(error).contains("PATCH /api-keys/{api-key-id} request", "TERTIARY"));
        assertThat(errors).anySatisfy(error -> assertThat(error).contains("GET /api-keys/{api-key-id} response 200", "boolean"));
        assertThat(errors).anySatisfy(error -> assertThat(error).contains("POST /api-keys request", "20"));
    }

    @Test
    void everyOperationHasExamplesForItsRequestAndSuccessAnswer() {
        List<String> places = new SpecExamples(SpecFile.openApi()).all().stream().map(SpecExamples.Located::where).toList();
        assertThat(places).anyMatch(where -> where.startsWith("POST /api-keys request"))
                .anyMatch(where -> where.startsWith("POST /api-keys response 201"))
                .anyMatch(where -> where.startsWith("GET /api-keys response 200"))
                .anyMatch(where -> where.startsWith("GET /api-keys/{api-key-id} response 200"))
                .anyMatch(where -> where.startsWith("PUT /api-keys/{api-key-id} request"))
                .anyMatch(where -> where.startsWith("PUT /api-keys/{api-key-id} response 200"))
                .anyMatch(where -> where.startsWith("PATCH /api-keys/{api-key-id} request examples.primary"))
                .anyMatch(where -> where.startsWith("PATCH /api-keys/{api-key-id} request examples.secondary"))
                .anyMatch(where -> where.startsWith("PATCH /api-keys/{api-key-id} response 200"));
    }

    @Test
    void everyOperationDocumentsNcpsErrorsWithNcpsCodes() {
        Map<String, String> codeByStatus = Map.of("400", "100", "401", "200", "403", "230", "404", "300",
                "413", "430", "415", "100", "429", "410", "500", "900");
        SpecExamples examples = new SpecExamples(SpecFile.openApi());
        for (String method : List.of("POST /api-keys", "GET /api-keys", "GET /api-keys/{api-key-id}",
                "PUT /api-keys/{api-key-id}", "DELETE /api-keys/{api-key-id}", "PATCH /api-keys/{api-key-id}")) {
            codeByStatus.forEach((status, code) -> {
                JsonNode example = examples.all().stream()
                        .filter(located -> located.where().equals(method + " response " + status + " example"))
                        .findFirst().orElseThrow(() -> new AssertionError(method + " documents no " + status)).json();
                assertThat(example.at("/error/errorCode").asText()).as(method + " " + status).isEqualTo(code);
            });
        }
    }

    @Test
    void theRegenerateExamplesAreNcps() {
        SpecExamples examples = new SpecExamples(SpecFile.openApi());
        assertThat(examples.named("RegeneratePrimaryRequest").at("/keyType").asText()).isEqualTo("PRIMARY");
        JsonNode answer = examples.named("RegeneratedResponse").at("/apiKey");
        assertThat(answer.at("/apiKeyId").asText()).isEqualTo("*****bgro1");
        assertThat(answer.at("/modTime").asText()).isEqualTo("2024-05-08T00:21:31Z");
        assertThat(answer.at("/isEnabled").asBoolean(true)).isFalse();
    }
}
