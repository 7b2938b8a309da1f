package dev.contractkit.ncp.contract.provider;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.ProviderState;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.contract.PactStates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A running mock's states set up through its own {@code POST /mock/provider-states}, as Pact's verifiers do. */
final class StateChangeUrl {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private StateChangeUrl() {
    }

    /** A teardown (the next set-up starts from the seed), then one call per state. */
    static PactStates.Setup setUp(String mockUrl, List<ProviderState> states) throws Exception {
        change(mockUrl, Map.of("action", "teardown"));
        if (states.isEmpty()) {
            change(mockUrl, Map.of("action", "setup"));
        }
        for (ProviderState state : states) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("state", state.getName());
            body.put("params", state.getParams());
            body.put("action", "setup");
            change(mockUrl, body);
        }
        return new PactStates.Setup(states.stream().anyMatch(state -> state.getName().equals(PactStates.BAD_SIGNATURE)));
    }

    private static void change(String mockUrl, Map<String, Object> body) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(mockUrl + "/mock/provider-states"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("provider-state change %s: %s", body, answer.body()).isEqualTo(200);
    }
}
