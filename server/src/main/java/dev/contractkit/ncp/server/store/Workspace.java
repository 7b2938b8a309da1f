package dev.contractkit.ncp.server.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A workspace of a shared mock: a tenant of its own ({@link #tenantId()}), with credentials that sign the
 * NCP way, an idle expiry renewed by use, whether it takes replayed pacts ({@code contractTesting}), and the
 * seed it was made from (a JSON seed document, or null for the mock's own seed), and when it was made.
 */
public record Workspace(String workspaceId, String name, String accessKey, String secretKey, boolean contractTesting, long ttlSeconds,
        Instant expiresAt, String seed, Instant createdAt) {
    /**
     * The 13th character of a workspace tenant's id. Tenant ids are 32 hex characters, as NCP's are; those
     * derived from an access key are name-based UUIDs, whose 13th character (the version) is always '3'. The
     * global reset leaves workspace tenants alone (each resets on its own).
     */
    static final char WORKSPACE_MARK = 'f';
    /** How much of its idle time a workspace may lose before a use renews its expiry (renewals cost a write). */
    static final Duration RENEW_AFTER = Duration.ofSeconds(30);

    /** 32 hex characters derived from the workspace id, marked as a workspace's ({@link #WORKSPACE_MARK}). */
    public String tenantId() {
        String hex = UUID.nameUUIDFromBytes(("workspace:" + workspaceId).getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
        return hex.substring(0, 12) + WORKSPACE_MARK + hex.substring(13);
    }

    public static boolean isWorkspaceTenant(String tenantId) {
        return tenantId.length() == 32 && tenantId.charAt(12) == WORKSPACE_MARK;
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Used now: whether the expiry is worth renewing (more than {@link #RENEW_AFTER} of the idle time is gone). */
    public boolean dueForRenewal(Instant now) {
        return expiresAt.minusSeconds(ttlSeconds).plus(RENEW_AFTER).isBefore(now);
    }

    public Workspace renewed(Instant now) {
        return new Workspace(workspaceId, name, accessKey, secretKey, contractTesting, ttlSeconds, now.plusSeconds(ttlSeconds), seed, createdAt);
    }

    /** When it was last used, to within {@link #RENEW_AFTER} (a use renews its expiry only once that much is gone). */
    public Instant lastUsedAt() {
        return expiresAt.minusSeconds(ttlSeconds);
    }

    @Override
    public String toString() {
        return "Workspace[" + workspaceId + ", " + Masking.printable(name) + ", accessKey " + Masking.mask(accessKey) + ", contractTesting " + contractTesting
                + ", expires " + expiresAt + "]";
    }
}
