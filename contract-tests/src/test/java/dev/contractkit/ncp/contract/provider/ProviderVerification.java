package dev.contractkit.ncp.contract.provider;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.State;
import dev.contractkit.ncp.contract.PactStates;
import dev.contractkit.ncp.contract.RequestSigning;
import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.signature.NcpHeaders;
import dev.contractkit.ncp.signature.NcpSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies every interaction of the pacts against a real server: the interaction's provider states are set
 * up from the seed, its request is re-signed with the server's credentials (the recorded signature belongs
 * to the consumer's clock and keys) and nothing else changes. Each real answer is then also checked against
 * the spec's schemas. Subclasses say which server, and how its states are set up.
 */
@ExtendWith(PactFolders.class)
abstract class ProviderVerification {
    private static final Set<String> SIGNED_HEADERS = Set.of(NcpHeaders.TIMESTAMP, NcpHeaders.ACCESS_KEY, NcpHeaders.SIGNATURE);

    /**
     * Pact's accumulator warns "not all were verified" after every interaction but the last, listing the
     * rest: a progress note, not a finding. Its real verdict still fails the test.
     */
    private static final Logger ACCUMULATOR = Logger.getLogger("au.com.dius.pact.provider.DefaultTestResultAccumulator");

    private final HttpClient http = HttpClient.newHttpClient();

    /** The server's base URI. */
    abstract URI server();

    /** The credentials the server accepts; states are set up for their tenant. */
    abstract NcpCredentials credentials();

    /** Resets the server to the seed, then sets these states up for the tenant of {@link #credentials()}. */
    abstract PactStates.Setup setUp(List<ProviderState> states) throws Exception;

    @BeforeEach
    void target(PactVerificationContext context) {
        ACCUMULATOR.setLevel(Level.SEVERE);
        if (context != null) {
            context.setTarget(new HttpTestTarget(server().getHost(), server().getPort()));
        }
    }

    /**
     * Pact needs a callback for every state it meets; the set-up itself happens in
     * {@link #verifyInteraction}, through {@link #setUp}.
     */
    @State({PactStates.KEY_EXISTS, PactStates.NO_KEY, PactStates.BAD_SIGNATURE, PactStates.PRODUCT_EXISTS,
        PactStates.KEY_SUBSCRIBED})
    void knownStates() {
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verifyInteraction(PactVerificationContext context, org.apache.hc.core5.http.HttpRequest request) throws Exception {
        Interaction interaction = context.getInteraction();
        NcpCredentials signWith = RequestSigning.credentialsFor(setUp(interaction.getProviderStates()), credentials());
        RequestSigning.resign(request, signWith);

        context.verifyInteraction();

        assertAnswerMatchesTheSpec(interaction, request.getPath(), signWith);
    }

    /** Replays the interaction from the same state and validates the real answer with the spec. */
    private void assertAnswerMatchesTheSpec(Interaction interaction, String pathAndQuery, NcpCredentials signWith) throws Exception {
        setUp(interaction.getProviderStates());
        IRequest recorded = interaction.asSynchronousRequestResponse().getRequest();
        String body = recorded.getBody().isPresent() ? recorded.getBody().valueAsString() : null;
        String timestamp = Long.toString(System.currentTimeMillis());

        HttpRequest.Builder replay = HttpRequest.newBuilder(server().resolve(pathAndQuery))
                .method(recorded.getMethod(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header(NcpHeaders.TIMESTAMP, timestamp)
                .header(NcpHeaders.ACCESS_KEY, signWith.accessKey())
                .header(NcpHeaders.SIGNATURE, new NcpSigner(signWith).sign(recorded.getMethod(), pathAndQuery, timestamp));
        recorded.getHeaders().forEach((name, values) -> {
            if (!SIGNED_HEADERS.contains(name.toLowerCase()) && !isRestricted(name) && !values.isEmpty()) {
                replay.header(name, values.get(0));
            }
        });
        HttpResponse<String> answer = http.send(replay.build(), HttpResponse.BodyHandlers.ofString());

        List<String> errors = SpecConformance.errors(recorded.getMethod(), pathAndQuery, answer.statusCode(),
                answer.headers().firstValue("Content-Type").orElse(null), answer.body());
        assertThat(errors).as("the server's answer to '%s' breaks the spec", interaction.getDescription()).isEmpty();
    }

    private static boolean isRestricted(String header) {
        return List.of("host", "content-length", "connection", "expect", "upgrade").contains(header.toLowerCase());
    }
}
