package dev.contractkit.ncp.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.ncp.signature.NcpCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Workspaces of a shared mock ({@code POST/GET/DELETE /mock/workspaces}): each a tenant of its own with
 * credentials, a prefix URL for any Pact verifier, and an idle expiry. Errors are {@link NcpApiException}s
 * (429 "400" when the mock holds its limit of live workspaces).
 */
public final class NcpMockWorkspaces {
    /** The environment variable (and system property {@code ncp.mock.admin-token}) holding a shared mock's admin token. */
    public static final String ADMIN_TOKEN_VARIABLE = "NCP_MOCK_ADMIN_TOKEN";

    private final URI mock;
    private final String adminToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(NcpApiKeysClient.DEFAULT_CONNECT_TIMEOUT).build();

    private NcpMockWorkspaces(URI mock, String adminToken) {
        String url = mock.toString();
        this.mock = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        this.adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken.trim();
    }

    /**
     * The workspaces of the mock at this root URL, e.g. {@code http://localhost:8080}, with the admin token of a
     * shared mock from the system property {@code ncp.mock.admin-token} or the environment variable
     * {@value #ADMIN_TOKEN_VARIABLE} (none when neither is set).
     */
    public static NcpMockWorkspaces at(URI mock) {
        return new NcpMockWorkspaces(mock, Optional.ofNullable(System.getProperty("ncp.mock.admin-token"))
                .orElseGet(() -> System.getenv(ADMIN_TOKEN_VARIABLE)));
    }

    /** The workspaces of the mock at this root URL, sending this admin token ({@code null}: none). */
    public static NcpMockWorkspaces at(URI mock, String adminToken) {
        return new NcpMockWorkspaces(mock, adminToken);
    }

    /** A workspace as the mock answered it; {@code secretKey} is null but in the answer that made it. */
    public record Workspace(String workspaceId, String name, String accessKey, String secretKey, URI baseUrl, Instant expiresAt,
            boolean contractTesting) {

        /** The workspace's credentials; only a workspace as made by {@link #create} has its secret. */
        public NcpCredentials credentials() {
            if (secretKey == null) {
                throw new IllegalStateException("the mock gives a workspace's secret key only in the answer that made it");
            }
            return new NcpCredentials(accessKey, secretKey);
        }

        /** The management API under the workspace's prefix: the endpoint for {@link NcpApiKeysClient.Builder#endpoint(URI)}. */
        public URI apiEndpoint() {
            return URI.create(baseUrl + "/api/v1");
        }

        /** Pact's provider-state URL of the workspace. */
        public URI providerStatesUrl() {
            return URI.create(baseUrl + "/mock/provider-states");
        }

        @Override
        public String toString() {
            return "Workspace[" + workspaceId + ", " + baseUrl + ", expires " + expiresAt + "]";
        }
    }

    /** A new workspace; {@code ttl} null for the mock's default idle time. */
    public Workspace create(String name, Duration ttl, boolean contractTesting) {
        ObjectNode body = NcpJson.mapper().createObjectNode();
        if (name != null) {
            body.put("name", name);
        }
        if (ttl != null) {
            body.put("ttlSeconds", ttl.toSeconds());
        }
        body.put("contractTesting", contractTesting);
        return read(send(HttpRequest.newBuilder(URI.create(mock + "/mock/workspaces")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), 201));
    }

    public Optional<Workspace> get(String workspaceId) {
        HttpResponse<String> answer = exchange(HttpRequest.newBuilder(URI.create(mock + "/mock/workspaces/" + workspaceId)).GET());
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(read(checked(answer, 200)));
    }

    /** Deletes the workspace and its data; false when there was none. */
    public boolean delete(String workspaceId) {
        HttpResponse<String> answer = exchange(HttpRequest.newBuilder(URI.create(mock + "/mock/workspaces/" + workspaceId)).DELETE());
        if (answer.statusCode() == 404) {
            return false;
        }
        checked(answer, 204);
        return true;
    }

    /** The workspace's journal as the mock answers it ({@code GET {baseUrl}/mock/requests}): {@code {"requests": [...]}}. */
    public String journal(Workspace workspace) {
        return send(HttpRequest.newBuilder(URI.create(workspace.baseUrl() + "/mock/requests")).GET(), 200);
    }

    /** Empties the workspace's journal. */
    public void clearJournal(Workspace workspace) {
        send(HttpRequest.newBuilder(URI.create(workspace.baseUrl() + "/mock/requests")).DELETE(), 204);
    }

    /** Every key, subscription and counter of the workspace back to its seed; the other workspaces untouched. */
    public void reset(Workspace workspace) {
        send(HttpRequest.newBuilder(URI.create(workspace.baseUrl() + "/mock/reset")).POST(HttpRequest.BodyPublishers.noBody()), 200);
    }

    private static Workspace read(String body) {
        try {
            JsonNode w = NcpJson.mapper().readTree(body).path("workspace");
            return new Workspace(w.path("workspaceId").asText(), w.path("name").asText(), w.path("accessKey").asText(),
                    w.hasNonNull("secretKey") ? w.path("secretKey").asText() : null, URI.create(w.path("baseUrl").asText()), Instant.parse(w.path("expiresAt").asText()),
                    w.path("contractTesting").asBoolean());
        } catch (IOException e) {
            throw new UncheckedIOException("the mock's answer is not a workspace: " + body, e);
        }
    }

    private String send(HttpRequest.Builder request, int expected) {
        return checked(exchange(request), expected);
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) {
        if (adminToken != null) {
            request.header("Authorization", "Bearer " + adminToken);
        }
        try {
            return http.send(request.timeout(NcpApiKeysClient.DEFAULT_READ_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not reach the mock at " + mock, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + mock, e);
        }
    }

    private static String checked(HttpResponse<String> answer, int expected) {
        if (answer.statusCode() != expected) {
            throw NcpGatewayClient.refusal(answer.statusCode(), answer.body());
        }
        return answer.body();
    }
}
