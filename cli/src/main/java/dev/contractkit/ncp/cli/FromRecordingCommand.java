package dev.contractkit.ncp.cli;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.contractkit.ncp.client.NcpJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ncp-apikeys from-recording DIR --consumer NAME}: a proxy recording ({@code ncp.mock.record-dir}) as a seed
 * file the mock can start from ({@code NCP_MOCK_SEED_FILE}) and a pact the provider verification and the static
 * spec check take. An exchange whose request the spec itself refuses (a bad body sent on purpose) stays out of
 * the pact, and is named.
 */
@Command(name = "from-recording", mixinStandardHelpOptions = true,
        description = "Turn a proxy recording (ncp.mock.record-dir) into a seed file and a pact")
class FromRecordingCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The recording folder")
    Path folder;

    @Option(names = "--consumer", required = true, description = "The pact's consumer name (your application)")
    String consumer;

    @Option(names = "--seed", paramLabel = "FILE", defaultValue = "recorded-seed.json", description = "Where to write the seed file (default: ${DEFAULT-VALUE})")
    Path seedFile;

    @Option(names = "--pact", paramLabel = "FILE", description = "Where to write the pact (default: pacts/CONSUMER-" + Recording.PROVIDER + ".json)")
    Path pactFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(folder)) {
            err.println("No recording folder at " + folder);
            return ApiCall.USAGE;
        }
        List<Path> fixtures;
        try (Stream<Path> files = Files.list(folder)) {
            fixtures = files.filter(file -> file.getFileName().toString().matches("\\d{5,}-.*\\.json")).sorted().toList();
        }
        if (fixtures.isEmpty()) {
            err.println("The folder " + folder + " holds no recorded exchanges (files like 00001-GET-api-keys.json)");
            return ApiCall.USAGE;
        }
        ObjectMapper mapper = NcpJson.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(ConformCommand.spec())
                .withBasePathOverride("/api/v1").build();
        Recording recording = new Recording(mapper);
        List<String> leftOut = new ArrayList<>();
        for (Path file : fixtures) {
            JsonNode fixture = mapper.readTree(file.toFile());
            String refused = refusedBySpec(validator, fixture.path("request"));
            if (refused != null) {
                leftOut.add(file.getFileName() + " (" + refused + ")");
                continue;
            }
            recording.add(file.getFileName().toString(), fixture);
        }
        Path pact = pactFile != null ? pactFile : Path.of("pacts", consumer + "-" + Recording.PROVIDER + ".json");
        write(mapper, seedFile, recording.seed());
        write(mapper, pact, recording.pact(consumer));
        out.printf("seed: %s (%d keys, %d products)%n", seedFile, recording.keyCount(), recording.productCount());
        out.printf("pact: %s (%d interactions, consumer %s, provider %s)%n", pact, recording.interactionCount(), consumer, Recording.PROVIDER);
        leftOut.forEach(name -> out.println("left out, the spec refuses its request: " + name));
        return ApiCall.OK;
    }

    /** The first rule the recorded request breaks, or null when the spec takes it. */
    private static String refusedBySpec(OpenApiInteractionValidator validator, JsonNode request) {
        SimpleRequest.Builder built = new SimpleRequest.Builder(request.path("method").asText(), request.path("path").asText());
        request.path("headers").fields().forEachRemaining(header -> built.withHeader(header.getKey(), header.getValue().asText()));
        for (String pair : request.path("query").asText("").split("&")) {
            if (!pair.isEmpty()) {
                String[] parts = pair.split("=", 2);
                built.withQueryParam(Recording.decode(parts[0]), parts.length > 1 ? Recording.decode(parts[1]) : "");
            }
        }
        if (request.has("body")) {
            built.withBody(request.get("body").isTextual() ? request.get("body").asText() : request.get("body").toString());
        }
        return validator.validateRequest(built.build()).getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(ValidationReport.Message::getKey).findFirst().orElse(null);
    }

    private static void write(ObjectMapper mapper, Path file, JsonNode tree) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        mapper.writeValue(file.toFile(), tree);
    }
}
