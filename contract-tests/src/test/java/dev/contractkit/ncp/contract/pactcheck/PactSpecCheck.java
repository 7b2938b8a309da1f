package dev.contractkit.ncp.contract.pactcheck;

import dev.contractkit.ncp.testsupport.TempFiles;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.pact.PactProviderValidationResults;
import com.atlassian.oai.validator.pact.PactProviderValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.ncp.contract.spec.GatewaySpec;
import dev.contractkit.ncp.contract.spec.SpecFile;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A pact checked against the OpenAPI spec with no server (Atlassian's swagger-request-validator-pact): for
 * each interaction, the path, method, query and headers (the three security headers included), the request
 * body's schema and enums, that the status is documented, and the response body's schema, where a field
 * the spec does not define is a mismatch.
 */
public final class PactSpecCheck {
    private static final OpenApiInteractionValidator VALIDATOR = new OpenApiInteractionValidator.Builder()
            .withApi(withSecurityOnEveryOperation())
            .withBasePathOverride("/api/v1")
            .build();
    private static final OpenApiInteractionValidator GATEWAY_VALIDATOR = GatewaySpec.validator();
    private static final ObjectMapper JSON = new ObjectMapper();

    private PactSpecCheck() {
    }

    /**
     * What does not match, one line per problem, each naming the pact and the interaction; empty when all match.
     * A pact with the provider {@value GatewaySpec#PROVIDER} is checked against the gateway's spec, its paths
     * taken below the invoke id; any other against the management API's.
     */
    public static List<String> mismatches(Path pact) {
        String consumer = consumerOf(pact);
        boolean gateway = GatewaySpec.PROVIDER.equals(name(read(pact), "provider"));
        PactProviderValidationResults results;
        try {
            Path checked = gateway ? belowInvokeIds(pact) : pact;
            results = PactProviderValidator.createFor(gateway ? GATEWAY_VALIDATOR : VALIDATOR)
                    .withConsumer(consumer, checked.toUri().toURL()).build().validate();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>();
        results.getConsumerResults().forEach(result -> result.getFailedInteractions().forEach((interaction, report) -> {
            for (ValidationReport.Message message : report.getMessages()) {
                if (message.getLevel() == ValidationReport.Level.ERROR) {
                    problems.add(pact.getFileName() + " [" + consumer + "] '" + interaction + "': " + message.getKey() + ": "
                            + message.getMessage().replace('\n', ' '));
                }
            }
        }));
        return problems;
    }

    /**
     * The spec with its top-level {@code security} (the three signed headers) copied onto every operation that
     * names none, which is what OpenAPI means by it: the validator only looks at an operation's own.
     */
    private static OpenAPI withSecurityOnEveryOperation() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI api = new OpenAPIV3Parser().read(SpecFile.path().toString(), null, options);
        api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getSecurity() == null) {
                operation.setSecurity(api.getSecurity());
            }
        }));
        return api;
    }

    private static String consumerOf(Path pact) {
        String consumer = name(read(pact), "consumer");
        return consumer == null ? pact.getFileName().toString() : consumer;
    }

    private static JsonNode read(Path pact) {
        try {
            return JSON.readTree(pact.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pact " + pact, e);
        }
    }

    private static String name(JsonNode pact, String party) {
        JsonNode name = pact.path(party).path("name");
        return name.isTextual() ? name.asText() : null;
    }

    /** A copy of a gateway pact whose request paths start below the invoke id, as the gateway spec's paths do. */
    private static Path belowInvokeIds(Path pact) throws IOException {
        JsonNode copy = read(pact);
        for (JsonNode interaction : copy.path("interactions")) {
            if (interaction.path("request") instanceof ObjectNode request && request.path("path").isTextual()) {
                request.put("path", GatewaySpec.belowInvokeId(request.path("path").asText()));
            }
        }
        Path file = TempFiles.file("gateway-pact", ".json");
        file.toFile().deleteOnExit();
        JSON.writeValue(file.toFile(), copy);
        return file;
    }
}
