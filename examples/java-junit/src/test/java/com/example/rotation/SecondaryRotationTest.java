package com.example.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.contractkit.ncp.client.generated.model.ApiKey;
import dev.contractkit.ncp.client.generated.model.KeyType;
import dev.contractkit.ncp.client.generated.model.PatchApiKeyRequest;
import dev.contractkit.ncp.mock.junit.NcpMock;
import dev.contractkit.ncp.mock.junit.NcpMockTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs beside {@link KeyRotationTest} (junit-platform.properties) and rotates the same seeded key, in a
 * workspace of its own: its journal holds its own two calls, never the other class's.
 */
@NcpMockTest
class SecondaryRotationTest {
    NcpMock ncp;

    @Test
    void rotatesTheSecondaryKeyAndSeesOnlyItsOwnCalls() {
        ApiKey before = ncp.apiKeys().getApiKey("seedweb001");
        ApiKey after = ncp.apiKeys().regenerateApiKey("seedweb001", new PatchApiKeyRequest().keyType(KeyType.SECONDARY)).getApiKey();

        assertNotEquals(before.getSecondaryKey(), after.getSecondaryKey());
        assertEquals(before.getPrimaryKey(), after.getPrimaryKey());
        String prefix = "/workspaces/" + ncp.workspaceId();
        List<String> sent = ncp.requests().stream().map(request -> request.method() + " " + request.path()).toList();
        assertEquals(List.of("GET " + prefix + "/api/v1/api-keys/seedweb001", "PATCH " + prefix + "/api/v1/api-keys/seedweb001"), sent);
    }
}
