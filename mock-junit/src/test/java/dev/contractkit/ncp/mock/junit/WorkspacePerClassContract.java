package dev.contractkit.ncp.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.client.generated.model.ApiKey;
import dev.contractkit.ncp.client.generated.model.KeyType;
import dev.contractkit.ncp.client.generated.model.PatchApiKeyRequest;
import org.assertj.core.groups.Tuple;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link NcpMockTest} class gets, run by two classes side by side: its own workspace on the one mock,
 * whose journal lists its own calls alone.
 */
@NcpMockTest
abstract class WorkspacePerClassContract {

    @Test
    void rotatingSeedweb001IsSeenInThisClasssJournalAlone(NcpMock mock) {
        mock.reset();
        mock.clearRequests();
        ApiKey before = mock.apiKeys().getApiKey("seedweb001");
        ApiKey after = mock.apiKeys().regenerateApiKey("seedweb001", new PatchApiKeyRequest().keyType(KeyType.PRIMARY)).getApiKey();

        assertThat(after.getPrimaryKey()).isNotEqualTo(before.getPrimaryKey());
        assertThat(after.getSecondaryKey()).isEqualTo(before.getSecondaryKey());
        // the journal lists paths as sent, under the workspace's prefix
        String prefix = "/workspaces/" + mock.workspaceId();
        List<NcpMock.Request> requests = mock.requests();
        assertThat(requests).extracting(NcpMock.Request::method, NcpMock.Request::path, NcpMock.Request::status)
                .containsExactly(Tuple.tuple("GET", prefix + "/api/v1/api-keys/seedweb001", 200),
                        Tuple.tuple("PATCH", prefix + "/api/v1/api-keys/seedweb001", 200));
        assertThat(requests.get(1).body()).contains("PRIMARY");
    }
}
