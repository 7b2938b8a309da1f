package dev.contractkit.ncp.server.store;

import java.time.Duration;
import java.time.Instant;

/**
 * A workspace of a shared mock: a tenant of its own ({@link #tenantId()}), with credentials that sign the
 * NCP way, an idle expiry renewed by use, whether it takes replayed pacts ({@code contractTesting}), and the
 * seed it was made from (a JSON seed document, or null for the mock's own seed).
 */
public record Workspace(String workspaceId, String name, String accessKey, String secretKey, boolean contractTesting, long ttlSeconds,
        Instant expiresAt, String seed) {
    /** Workspace tenants' ids start with this: the global reset leaves them alone (each resets on its own). */
    public static final String TENANT_PREFIX = "ws";
    /** How much of its idle time a workspace may lose before a use renews its expiry (renewals cost a write). */
    static final Duration RENEW_AFTER = Duration.ofSeconds(30);

    public String tenantId() {
        return TENANT_PREFIX + workspaceId;
    }

    public static boolean isWorkspaceTenant(String tenantId) {
        return tenantId.startsWith(TENANT_PREFIX);
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Used now: whether the expiry is worth renewing (more than {@link #RENEW_AFTER} of the idle time is gone). */
    public boolean dueForRenewal(Instant now) {
        return expiresAt.minusSeconds(ttlSeconds).plus(RENEW_AFTER).isBefore(now);
    }

    public Workspace renewed(Instant now) {
        return new Workspace(workspaceId, name, accessKey, secretKey, contractTesting, ttlSeconds, now.plusSeconds(ttlSeconds), seed);
    }

    @Override
    public String toString() {
        return "Workspace[" + workspaceId + ", " + name + ", accessKey " + Masking.mask(accessKey) + ", contractTesting " + contractTesting
                + ", expires " + expiresAt + "]";
    }
}
