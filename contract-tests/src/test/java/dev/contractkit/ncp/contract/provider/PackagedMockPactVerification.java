package dev.contractkit.ncp.contract.provider;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.contract.PactStates;
import dev.contractkit.ncp.contract.RequestSigning;
import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.testsupport.PackagedMock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
class PackagedMockPactVerification extends ProviderVerification {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
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
    URI server() {
        return URI.create(mock.url() + "/");
    }

    @Override
    NcpCredentials credentials() {
        return RequestSigning.MOCK_DEFAULT_CREDENTIALS;
    }

    /** As Pact's own verifiers do: a teardown (the next set-up starts from the seed), then one call per state. */
    @Override
    PactStates.Setup setUp(List<ProviderState> states) throws Exception {
        change(Map.of("action", "teardown"));
        if (states.isEmpty()) {
            change(Map.of("action", "setup"));
        }
        for (ProviderState state : states) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("state", state.getName());
            body.put("params", state.getParams());
            body.put("action", "setup");
            change(body);
        }
        return new PactStates.Setup(states.stream().anyMatch(state -> state.getName().equals(PactStates.BAD_SIGNATURE)));
    }

    private static void change(Map<String, Object> body) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(mock.url() + "/mock/provider-states"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("provider-state change %s: %s", body, answer.body()).isEqualTo(200);
    }
}
