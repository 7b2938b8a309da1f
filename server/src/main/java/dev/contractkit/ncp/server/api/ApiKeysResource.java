package dev.contractkit.ncp.server.api;

import dev.contractkit.ncp.server.auth.Caller;
import dev.contractkit.ncp.server.auth.Tenant;
import dev.contractkit.ncp.server.generated.api.ApiKeysApi;
import dev.contractkit.ncp.server.generated.model.ApiKey;
import dev.contractkit.ncp.server.generated.model.ApiKeyList;
import dev.contractkit.ncp.server.generated.model.ApiKeyResponse;
import dev.contractkit.ncp.server.generated.model.PatchApiKeyRequest;
import dev.contractkit.ncp.server.generated.model.PostApiKeyRequest;
import dev.contractkit.ncp.server.generated.model.PutApiKeyRequest;
import dev.contractkit.ncp.server.error.NcpErrors;
import dev.contractkit.ncp.server.store.ApiKeyPage;
import dev.contractkit.ncp.server.store.ApiKeyStore;
import io.smallrye.common.annotation.NonBlocking;

/**
 * NCP's API-key operations over the store. Paths, verbs, status codes and validation come from the
 * generated interface; the store is in memory, so nothing here blocks and it runs on the event loop.
 */
@NonBlocking
public class ApiKeysResource implements ApiKeysApi {
    static final long DEFAULT_OFFSET = 0;
    static final long DEFAULT_LIMIT = 20;

    private final ApiKeyStore store;
    private final Caller caller;

    public ApiKeysResource(ApiKeyStore store, Caller caller) {
        this.store = store;
        this.caller = caller;
    }

    @Override
    public ApiKeyResponse createApiKey(PostApiKeyRequest request) {
        Tenant tenant = caller.tenant();
        return ApiKeyModels.wrapped(store.create(tenant.tenantId(), request.getApiKeyName(),
                orEmpty(request.getApiKeyDescription()), tenant.modifier()));
    }

    @Override
    public ApiKeyList listApiKeys(Long offset, Long limit, String apiKeyName) {
        ApiKeyPage page = store.list(caller.tenant().tenantId(), apiKeyName,
                offset == null ? DEFAULT_OFFSET : offset, limit == null ? DEFAULT_LIMIT : limit);
        return new ApiKeyList()
                .apiKeys(page.items().stream().map(ApiKeyModels::apiKey).toList())
                .total(page.total())
                .initialCount(page.initialCount());
    }

    @Override
    public ApiKey getApiKey(String apiKeyId) {
        return store.find(caller.tenant().tenantId(), apiKeyId)
                .map(ApiKeyModels::apiKey)
                .orElseThrow(() -> NcpErrors.apiKeyNotFound(apiKeyId));
    }

    @Override
    public ApiKeyResponse updateApiKey(String apiKeyId, PutApiKeyRequest request) {
        Tenant tenant = caller.tenant();
        return store.update(tenant.tenantId(), apiKeyId, request.getApiKeyName(),
                        orEmpty(request.getApiKeyDescription()), request.getIsEnabled(), tenant.modifier())
                .map(ApiKeyModels::wrapped)
                .orElseThrow(() -> NcpErrors.apiKeyNotFound(apiKeyId));
    }

    @Override
    public void deleteApiKey(String apiKeyId) {
        if (!store.delete(caller.tenant().tenantId(), apiKeyId)) {
            throw NcpErrors.apiKeyNotFound(apiKeyId);
        }
    }

    @Override
    public ApiKeyResponse regenerateApiKey(String apiKeyId, PatchApiKeyRequest request) {
        Tenant tenant = caller.tenant();
        return store.regenerate(tenant.tenantId(), apiKeyId, request.getKeyType(), tenant.modifier())
                .map(ApiKeyModels::wrapped)
                .orElseThrow(() -> NcpErrors.apiKeyNotFound(apiKeyId));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
