package dev.contractkit.ncp.mock.junit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.ncp.client.NcpApiKeysClient;
import dev.contractkit.ncp.client.NcpGatewayClient;
import dev.contractkit.ncp.client.NcpJson;
import dev.contractkit.ncp.client.NcpMockWorkspaces;
import dev.contractkit.ncp.client.generated.api.ApiKeysApi;
import dev.contractkit.ncp.client.generated.api.ProductsApi;
import dev.contractkit.ncp.client.generated.api.SubscriptionsApi;
import dev.contractkit.ncp.signature.NcpCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One test class's workspace on the NCP mock: its own keys (the seed: {@code seedweb001}, {@code seedmob002},
 * {@code seedold003}), subscriptions, journal and credentials, and the generated clients already signed for it.
 */
public final class NcpMock {
    private final NcpMockWorkspaces workspaces;
    private final NcpMockWorkspaces.Workspace workspace;
    private ApiKeysApi apiKeys;
    private SubscriptionsApi subscriptions;
    private ProductsApi products;

    NcpMock(NcpMockWorkspaces workspaces, NcpMockWorkspaces.Workspace workspace) {
        this.workspaces = workspaces;
        this.workspace = workspace;
    }

    /** A call the mock answered, as its journal lists it ({@code GET /mock/requests}); never a key's value. */
    public record Request(Instant time, String method, String path, int status, String errorCode, String apiKeyId, String body) {
    }

    /** The management API's base URL in the workspace, up to and including {@code /api/v1}. */
    public URI baseUrl() {
        return workspace.apiEndpoint();
    }

    public String workspaceId() {
        return workspace.workspaceId();
    }

    public String accessKey() {
        return workspace.accessKey();
    }

    public String secretKey() {
        return workspace.secretKey();
    }

    public NcpCredentials credentials() {
        return workspace.credentials();
    }

    /** Pact's provider-state URL of the workspace, for a verifier. */
    public URI providerStatesUrl() {
        return workspace.providerStatesUrl();
    }

    /** The API-key operations, signed with the workspace's credentials. */
    public synchronized ApiKeysApi apiKeys() {
        if (apiKeys == null) {
            apiKeys = client().build();
        }
        return apiKeys;
    }

    public synchronized SubscriptionsApi subscriptions() {
        if (subscriptions == null) {
            subscriptions = client().subscriptions();
        }
        return subscriptions;
    }

    public synchronized ProductsApi products() {
        if (products == null) {
            products = client().products();
        }
        return products;
    }

    private NcpApiKeysClient.Builder client() {
        return NcpApiKeysClient.builder().endpoint(baseUrl()).credentials(credentials());
    }

    /**
     * The workspace's gateway at a stage's invoke URL, calling with {@code apiKey} in {@code x-ncp-apigw-api-key}:
     * {@code gateway("wthr7k2m4q", "weather-observations", "prod", key).get("/now")}.
     */
    public NcpGatewayClient gateway(String invokeId, String api, String stage, String apiKey) {
        return NcpGatewayClient.of(URI.create(workspace.baseUrl() + "/gateway/" + invokeId + "/" + api + "/" + stage), apiKey);
    }

    /** Every call the workspace's journal holds, in the order they arrived. */
    public List<Request> requests() {
        JsonNode answer = read(workspaces.journal(workspace));
        List<Request> requests = new ArrayList<>();
        for (JsonNode entry : answer.path("requests")) {
            requests.add(new Request(Instant.parse(entry.path("time").asText()), entry.path("method").asText(), entry.path("path").asText(),
                    entry.path("status").asInt(), text(entry, "errorCode"), text(entry, "apiKeyId"), text(entry, "body")));
        }
        return requests;
    }

    /** Empties the workspace's journal. */
    public void clearRequests() {
        workspaces.clearJournal(workspace);
    }

    /** Every key, subscription and counter of the workspace back to the seed (other classes' workspaces untouched). */
    public void reset() {
        workspaces.reset(workspace);
    }

    private static String text(JsonNode entry, String field) {
        return entry.hasNonNull(field) ? entry.path(field).asText() : null;
    }

    private static JsonNode read(String body) {
        try {
            return NcpJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("the NCP mock's answer is not JSON: " + body, e);
        }
    }

    @Override
    public String toString() {
        return "NcpMock[" + workspace.workspaceId() + " at " + baseUrl() + "]";
    }
}
