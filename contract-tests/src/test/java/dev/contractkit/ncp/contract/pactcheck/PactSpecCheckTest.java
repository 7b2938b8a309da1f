package dev.contractkit.ncp.contract.pactcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.contract.provider.PactFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every interaction of every pact in {@code -Dpact.folder=DIR} (default: our own, target/pacts) against the
 * spec, before any server starts. With {@code -Dpact.check=spec} this is all that runs.
 */
class PactSpecCheckTest {

    @Test
    void everyInteractionOfEveryPactMatchesTheSpec() throws IOException {
        Path folder = PactFolders.folder();
        List<Path> pacts;
        try (Stream<Path> files = Files.walk(folder)) {
            pacts = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(pacts).as("pact files in %s", folder).isNotEmpty();
        List<String> mismatches = new ArrayList<>();
        for (Path pact : pacts) {
            List<String> found = PactSpecCheck.mismatches(pact);
            System.out.println("[pact spec check] " + pact + ": " + (found.isEmpty() ? "matches the spec" : found.size() + " mismatch(es)"));
            found.forEach(line -> System.out.println("  - " + line));
            mismatches.addAll(found);
        }
        assertThat(mismatches).as("interactions that do not match the spec of their provider (openapi/ncp-apigw-apikeys.yaml, or ncp-apigw-gateway.yaml)").isEmpty();
    }
}
