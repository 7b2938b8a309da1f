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

/** Rotates the primary key of a seeded API key on the NCP mock, then checks what the mock received. */
@NcpMockTest
class KeyRotationTest {

    @Test
    void rotatesThePrimaryKeyAndKeepsTheSecondary(NcpMock ncp) {
        ApiKey before = ncp.apiKeys().getApiKey("seedweb001");

        ApiKey after = ncp.apiKeys().regenerateApiKey("seedweb001", new PatchApiKeyRequest().keyType(KeyType.PRIMARY)).getApiKey();

        assertNotEquals(before.getPrimaryKey(), after.getPrimaryKey());
        assertEquals(before.getSecondaryKey(), after.getSecondaryKey());
        // this class's workspace journal: its own two calls, never those of the class running beside it
        List<NcpMock.Request> requests = ncp.requests();
        assertEquals(2, requests.size());
        NcpMock.Request rotation = requests.get(1);
        assertEquals("PATCH", rotation.method());
        assertEquals("/workspaces/" + ncp.workspaceId() + "/api/v1/api-keys/seedweb001", rotation.path());
        assertEquals(200, rotation.status());
        assertEquals("{\"keyType\":\"PRIMARY\"}", rotation.body());
    }
}
