package dev.contractkit.ncp.contract.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contractkit.ncp.client.NcpApiException;
import dev.contractkit.ncp.client.NcpApiKeysClient;
import dev.contractkit.ncp.client.NcpMockWorkspaces;
import dev.contractkit.ncp.client.generated.api.ApiKeysApi;
import dev.contractkit.ncp.client.generated.model.PostApiKeyRequest;
import dev.contractkit.ncp.client.junit.NcpMockWorkspace;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A workspace made from Java: by {@link NcpMockWorkspaces}, and by the {@link NcpMockWorkspace} JUnit extension, used with the generated client. */
@QuarkusTest
class WorkspaceClientTest {
    @TestHTTPResource("/")
    URI mock;

    /** The extension finds the mock through {@code ncp.mockserver.url}; the test server's port is known only now. */
    @BeforeEach
    void pointTheExtensionAtTheTestServer() {
        System.setProperty("ncp.mockserver.url", mock.toString());
    }

    @AfterEach
    void forgetTheMockUrl() {
        System.clearProperty("ncp.mockserver.url");
    }

    @Test
    void aWorkspaceMadeWithTheClientServesTheGeneratedClientUnderItsPrefixAndGoesWhenDeleted() {
        NcpMockWorkspaces workspaces = NcpMockWorkspaces.at(mock);
        NcpMockWorkspaces.Workspace workspace = workspaces.create("from-java", Duration.ofMinutes(5), false);
        ApiKeysApi api = NcpApiKeysClient.builder().endpoint(workspace.apiEndpoint()).credentials(workspace.credentials()).build();
        String id = api.createApiKey(new PostApiKeyRequest().apiKeyName("in-workspace")).getApiKey().getApiKeyId();
        assertThat(api.listApiKeys(0L, 100L, null).getApiKeys()).extracting(key -> key.getApiKeyId()).contains(id, "seedweb001");
        assertThat(workspaces.get(workspace.workspaceId())).isPresent();

        assertThat(workspaces.delete(workspace.workspaceId())).isTrue();
        assertThat(workspaces.get(workspace.workspaceId())).isEmpty();
        assertThat(workspaces.delete(workspace.workspaceId())).isFalse();
        assertThatThrownBy(() -> api.getApiKey(id)).isInstanceOfSatisfying(NcpApiException.class,
                gone -> assertThat(gone.status()).isEqualTo(404));
    }

    @Test
    @NcpMockWorkspace
    void theExtensionGivesEachTestAWorkspaceOfItsOwn(NcpMockWorkspaces.Workspace workspace) {
        ApiKeysApi api = NcpApiKeysClient.builder().endpoint(URI.create(mock + "api/v1")).credentials(workspace.credentials()).build();
        assertThat(api.listApiKeys(0L, 100L, null).getTotal()).isEqualTo(3);
        assertThat(workspace.baseUrl().toString()).endsWith("/workspaces/" + workspace.workspaceId());
        assertThat(workspace.contractTesting()).isFalse();
    }
}
