package dev.contractkit.ncp.server.api;

import dev.contractkit.ncp.server.generated.model.ApiKey;
import dev.contractkit.ncp.server.generated.model.ApiKeyResponse;
import dev.contractkit.ncp.server.store.StoredApiKey;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** From the store's keys to the generated wire models. */
final class ApiKeyModels {

    private ApiKeyModels() {
    }

    static ApiKey apiKey(StoredApiKey key) {
        return new ApiKey()
                .apiKeyId(key.apiKeyId())
                .tenantId(key.tenantId())
                .apiKeyName(key.apiKeyName())
                .apiKeyDescription(key.apiKeyDescription())
                .primaryKey(key.primaryKey())
                .secondaryKey(key.secondaryKey())
                .modifier(key.modifier())
                .isEnabled(key.enabled())
                .modTime(OffsetDateTime.ofInstant(key.modTime(), ZoneOffset.UTC))
                .domainCode(key.domainCode());
    }

    static ApiKeyResponse wrapped(StoredApiKey key) {
        return new ApiKeyResponse().apiKey(apiKey(key));
    }
}
