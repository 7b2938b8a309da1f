package dev.contractkit.ncp.server.auth;

import dev.contractkit.ncp.server.store.Workspace;
import io.vertx.ext.web.RoutingContext;

/**
 * What a request of a workspace carries on its routing context: under its prefix ({@code /workspaces/{id}/...}),
 * once the prefix is taken off, the workspace and the path and query as the client sent and signed them; with
 * its credentials at the usual paths, the workspace of its access key.
 */
public final class WorkspaceRequests {
    public static final String WORKSPACE = "ncp.workspace";
    public static final String SIGNED_PATH_AND_QUERY = "ncp.workspace.signed-path-and-query";
    /** The workspace whose access key an {@code /api/} request carries (looked up before the signature filter). */
    public static final String BY_ACCESS_KEY = "ncp.workspace.by-access-key";

    /** Whether an access key may be a workspace's (they start with "WS"; configured ones are checked first). */
    public static boolean mayBeWorkspaceKey(String accessKey) {
        return accessKey != null && accessKey.startsWith("WS");
    }

    private WorkspaceRequests() {
    }

    /** The workspace of the request's prefix, or null. */
    public static Workspace workspace(RoutingContext context) {
        return context == null ? null : context.get(WORKSPACE);
    }

    /** The tenant behind a workspace: its own id, and a modifier derived from its access key. */
    public static Tenant tenant(Workspace workspace) {
        return new Tenant(workspace.accessKey(), workspace.tenantId(), Tenant.of(workspace.accessKey()).modifier());
    }
}
