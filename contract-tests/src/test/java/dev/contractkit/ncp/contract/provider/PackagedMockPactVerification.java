package dev.contractkit.ncp.contract.provider;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.contractkit.ncp.testsupport.PackagedMock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The pacts of a folder (ours by default, a team's with {@code -Dpact.folder=DIR}) verified against the
 * packaged mock, started as the README starts it (default credentials, signatures checked, in-memory store),
 * its provider states set up through its own {@code POST /mock/provider-states}, as any verifier does.
 * {@code -Dpact.folder=DIR} runs this and the static check alone: no server test, no Redis, no browser.
 */
@Provider("ncp-apigw-apikeys")
@PactFolder("${pact.folder:target/pacts}")
@DisabledIfSystemProperty(named = "pactbroker.url", matches = ".+")
class PackagedMockPactVerification extends RunningMockVerification {
    private static PackagedMock mock;

    @BeforeAll
    static void startTheMock() throws Exception {
        Path root = Path.of(System.getProperty("ncp.repo.root", "..")).toAbsolutePath().normalize();
        mock = PackagedMock.start(root.resolve("server/target/quarkus-app/quarkus-run.jar"), List.of(), Map.of());
    }

    @AfterAll
    static void stopTheMock() throws Exception {
        if (mock != null) {
            mock.close();
        }
    }

    @Override
    String mockUrl() {
        return mock.url();
    }
}
