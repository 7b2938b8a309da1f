package dev.contractkit.ncp.server.api;

import dev.contractkit.ncp.server.auth.Caller;
import dev.contractkit.ncp.server.auth.Tenant;
import dev.contractkit.ncp.server.error.NcpErrorCode;
import dev.contractkit.ncp.server.error.NcpErrors;
import dev.contractkit.ncp.server.error.NcpException;
import dev.contractkit.ncp.server.generated.api.ApiKeysApi;
import dev.contractkit.ncp.server.generated.model.ApiKey;
import dev.contractkit.ncp.server.generated.model.ApiKeyList;
import dev.contractkit.ncp.server.generated.model.ApiKeyResponse;
import dev.contractkit.ncp.server.generated.model.PatchApiKeyRequest;
import dev.contractkit.ncp.server.generated.model.PostApiKeyRequest;
import dev.contractkit.ncp.server.generated.model.PutApiKeyRequest;
import dev.contractkit.ncp.server.http.TenantPacing;
import dev.contractkit.ncp.server.store.KeyStore;
import dev.contractkit.ncp.server.store.KeySlot;
import dev.contractkit.ncp.server.store.Page;
import dev.contractkit.ncp.server.store.StoredApiKey;
import dev.contractkit.ncp.server.store.Workspace;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * NCP's API-key operations over the store. Paths, verbs, status codes and validation come from the
 * generated interface; every answer is a {@link Uni} from the store, so nothing here blocks and it runs on
 * the event loop, with the in-memory store and with Redis alike.
 */
@NonBlocking
public class ApiKeysResource implements ApiKeysApi {
    @Inject
    KeyStore store;
    @Inject
    Caller caller;
    @Inject
    TenantPacing pacing;

    @Override
    public Uni<ApiKeyResponse> createApiKey(PostApiKeyRequest request) {
        Tenant tenant = caller.tenant();
        return store.create(tenant.tenantId(), request.getApiKeyName(), orEmpty(request.getApiKeyDescription()), tenant.modifier())
                .map(ApiKeyModels::wrapped);
    }

    /**
     * A page grows with the tenant (up to 1,000 keys a page, 10,000 a tenant), so it is read, built and written
     * (serialized) on a worker thread: one tenant listing its keys never holds up an event loop every tenant's
     * calls share.
     */
    @Override
    @Blocking
    public Uni<ApiKeyList> listApiKeys(Long offset, Long limit, String apiKeyName) {
        String tenantId = caller.tenant().tenantId();
        // a workspace's pages take its fair share of the mock: past it, they wait (on a timer), or are refused
        long wait = Workspace.isWorkspaceTenant(tenantId) ? pacing.take(tenantId, TenantPacing.pageCost(Page.limit(limit))) : 0;
        if (wait == TenantPacing.REFUSE) {
            return Uni.createFrom().failure(new NcpException(NcpErrorCode.RATE_LIMITED, TenantPacing.REFUSAL));
        }
        Uni<Void> turn = wait > 0 ? Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(wait)) : Uni.createFrom().voidItem();
        return turn.chain(() -> store.list(tenantId, apiKeyName, Page.offset(offset), Page.limit(limit)))
                .map(page -> new ApiKeyList()
                        .apiKeys(page.items().stream().map(ApiKeyModels::apiKey).toList())
                        .total(page.total())
                        .initialCount(page.initialCount()));
    }

    @Override
    public Uni<ApiKey> getApiKey(String apiKeyId) {
        return store.find(caller.tenant().tenantId(), apiKeyId).map(found -> ApiKeyModels.apiKey(orNotFound(found, apiKeyId)));
    }

    @Override
    public Uni<ApiKeyResponse> updateApiKey(String apiKeyId, PutApiKeyRequest request) {
        Tenant tenant = caller.tenant();
        return store.update(tenant.tenantId(), apiKeyId, request.getApiKeyName(), orEmpty(request.getApiKeyDescription()),
                        request.getIsEnabled(), tenant.modifier())
                .map(changed -> ApiKeyModels.wrapped(orNotFound(changed, apiKeyId)));
    }

    @Override
    public Uni<Void> deleteApiKey(String apiKeyId) {
        return store.delete(caller.tenant().tenantId(), apiKeyId).map(deleted -> {
            if (!deleted) {
                throw NcpErrors.apiKeyNotFound(apiKeyId);
            }
            return null;
        });
    }

    @Override
    public Uni<ApiKeyResponse> regenerateApiKey(String apiKeyId, PatchApiKeyRequest request) {
        Tenant tenant = caller.tenant();
        return store.regenerate(tenant.tenantId(), apiKeyId, KeySlot.valueOf(request.getKeyType().name()), tenant.modifier())
                .map(changed -> ApiKeyModels.wrapped(orNotFound(changed, apiKeyId)));
    }

    private static StoredApiKey orNotFound(Optional<StoredApiKey> key, String apiKeyId) {
        return key.orElseThrow(() -> NcpErrors.apiKeyNotFound(apiKeyId));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
