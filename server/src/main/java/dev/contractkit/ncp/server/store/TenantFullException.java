package dev.contractkit.ncp.server.store;

/** A tenant (or workspace) holds as many keys as one may ({@code ncp.mock.tenant-max-keys}): an answer (429), not a bug. */
public class TenantFullException extends RuntimeException {

    public TenantFullException(int limit) {
        super("The tenant holds its limit of " + limit + " API keys (ncp.mock.tenant-max-keys); delete one first.", null, false, false);
    }
}
