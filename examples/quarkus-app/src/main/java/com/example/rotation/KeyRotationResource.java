package com.example.rotation;

import dev.contractkit.ncp.client.generated.api.ApiKeysApi;
import dev.contractkit.ncp.client.generated.model.ApiKey;
import dev.contractkit.ncp.client.generated.model.KeyType;
import dev.contractkit.ncp.client.generated.model.PatchApiKeyRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Rotates one of the service's NCP API keys: {@code POST /rotations/{apiKeyId}?keyType=SECONDARY}. Answers when
 * the key changed, never the key itself.
 */
@Path("/rotations/{apiKeyId}")
public class KeyRotationResource {

    @RestClient
    ApiKeysApi apiKeys;

    public record Rotated(String apiKeyId, String keyType, String modTime) {
    }

    @POST
    public Rotated rotate(@PathParam("apiKeyId") String apiKeyId, @QueryParam("keyType") @DefaultValue("PRIMARY") KeyType keyType) {
        ApiKey rotated = apiKeys.regenerateApiKey(apiKeyId, new PatchApiKeyRequest().keyType(keyType)).getApiKey();
        return new Rotated(rotated.getApiKeyId(), keyType.toString(), String.valueOf(rotated.getModTime()));
    }
}
