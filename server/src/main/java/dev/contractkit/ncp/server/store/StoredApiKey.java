package dev.contractkit.ncp.server.store;

import java.time.Instant;

/**
 * One API key as the store keeps it. Immutable: every change makes a new value, so a reader never sees
 * half an update. List order is the store's own concern (creation order, kept by each store).
 */
public record StoredApiKey(
        String apiKeyId,
        String tenantId,
        String apiKeyName,
        String apiKeyDescription,
        String primaryKey,
        String secondaryKey,
        String modifier,
        boolean enabled,
        Instant modTime,
        String domainCode) {

    public static final String PUBLIC_DOMAIN = "PUB";

    StoredApiKey edited(String name, String description, boolean isEnabled, String by, Instant at) {
        return new StoredApiKey(apiKeyId, tenantId, name, description, primaryKey, secondaryKey, by, isEnabled, at, domainCode);
    }

    StoredApiKey withPrimaryKey(String value, String by, Instant at) {
        return new StoredApiKey(apiKeyId, tenantId, apiKeyName, apiKeyDescription, value, secondaryKey, by, enabled, at, domainCode);
    }

    StoredApiKey withSecondaryKey(String value, String by, Instant at) {
        return new StoredApiKey(apiKeyId, tenantId, apiKeyName, apiKeyDescription, primaryKey, value, by, enabled, at, domainCode);
    }

    /** The same key, changed last at {@code at}. */
    public StoredApiKey withModTime(Instant at) {
        return new StoredApiKey(apiKeyId, tenantId, apiKeyName, apiKeyDescription, primaryKey, secondaryKey, modifier, enabled, at, domainCode);
    }


    /** Key values never appear in logs whole. */
    @Override
    public String toString() {
        return "StoredApiKey[apiKeyId=" + apiKeyId + ", tenantId=" + tenantId + ", apiKeyName=" + apiKeyName
                + ", primaryKey=" + Masking.mask(primaryKey) + ", secondaryKey=" + Masking.mask(secondaryKey)
                + ", enabled=" + enabled + ", modTime=" + modTime + "]";
    }
}
