package dev.contractkit.ncp.server.auth;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Whoever owns a set of keys: one per access key. {@code tenantId} (32 hex characters) and
 * {@code modifier} (a UUID) are derived from the access key, so they stay the same across restarts.
 */
public record Tenant(String accessKey, String tenantId, String modifier) {

    public static Tenant of(String accessKey) {
        String tenantId = UUID.nameUUIDFromBytes(("tenant:" + accessKey).getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
        String modifier = UUID.nameUUIDFromBytes(("user:" + accessKey).getBytes(StandardCharsets.UTF_8)).toString();
        return new Tenant(accessKey, tenantId, modifier);
    }
}
