package dev.contractkit.ncp.server.auth;

import dev.contractkit.ncp.server.error.NcpErrorCode;
import dev.contractkit.ncp.server.store.Workspace;
import dev.contractkit.ncp.signature.NcpHeaders;
import dev.contractkit.ncp.signature.SignatureVerifier;
import dev.contractkit.ncp.signature.Verification;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Who is calling and what they asked for, worked out once, by the first step of every request
 * ({@code workspace.ScopeResolver}); every later step reads it and none works any of it out again.
 *
 * @param kind              the kind of call
 * @param workspace         the workspace the call belongs to (by its prefix, or by its access key at the usual
 *                          paths), or null for the configured tenants
 * @param prefixed          whether it came under the workspace's prefix ({@code /workspaces/{id}/...})
 * @param tenant            the tenant whose state the call reads and changes
 * @param verifier          what checks its signature: the configured credentials', or its workspace's
 * @param signedPathAndQuery the path and query as the client sent and signed them (the prefix included)
 * @param contractTesting   whether it is a replayed pact (the mock's setting, or a workspace's)
 * @param gatewayAddress       what a gateway call names, or null
 * @param gatewayTenantIds  whose keys and products a gateway call may use
 * @param refusal           why the request is refused before any step looks at it (an unknown workspace, a store
 *                          outage while looking it up), or null; answered after the CORS step, so a page reads it
 */
public record RequestScope(Kind kind, Workspace workspace, boolean prefixed, Tenant tenant, SignatureVerifier verifier,
        String signedPathAndQuery, boolean contractTesting, GatewayAddress gatewayAddress, List<String> gatewayTenantIds, Refusal refusal) {

    /** NCP's error code and the details of a refusal. */
    public record Refusal(NcpErrorCode code, String details) {
    }

    /** The scope of a request refused at once. */
    public static RequestScope refused(NcpErrorCode code, String details) {
        return new RequestScope(Kind.OTHER, null, false, null, null, null, false, null, List.of(), new Refusal(code, details));
    }

    /** The kinds of call. */
    public enum Kind {
        /** The management API, {@code /api/...}, answered by the mock. */
        API,
        /** The same paths in proxy mode, forwarded to the upstream. */
        PROXIED,
        /** A call to an API through the gateway (an invoke URL). */
        GATEWAY,
        /** The mock's own routes, {@code /mock/...}. */
        ADMIN,
        /** Anything else: Swagger UI, the served spec, health. */
        OTHER
    }

    private static final String KEY = "ncp.request-scope";

    /** The scope of the request, or null before it is resolved. */
    public static RequestScope of(RoutingContext context) {
        return context == null ? null : context.get(KEY);
    }

    /** Leaves the scope on the request for every later step. */
    public void attachTo(RoutingContext context) {
        context.put(KEY, this);
    }

    /**
     * The one signature check, of the management API and of the proxy alike: NCP's signature v2 of the request
     * over the path and query as signed, against the scope's credentials, within the allowed clock skew.
     */
    public Verification verifySignature(HttpServerRequest request) {
        return verifier.verify(request.method().name(), signedPathAndQuery, request.getHeader(NcpHeaders.TIMESTAMP),
                request.getHeader(NcpHeaders.ACCESS_KEY), request.getHeader(NcpHeaders.SIGNATURE));
    }

    /** The workspace whose prefix the call came under, or null. */
    public Workspace prefixedWorkspace() {
        return prefixed ? workspace : null;
    }

    /** The tenant behind a workspace: its own id, and a modifier derived from its access key. */
    public static Tenant tenantOf(Workspace workspace) {
        return new Tenant(workspace.accessKey(), workspace.tenantId(), Tenant.of(workspace.accessKey()).modifier());
    }

    /** Whether an access key may be a workspace's (they start with "WS"; configured ones are checked first). */
    public static boolean mayBeWorkspaceKey(String accessKey) {
        return accessKey != null && accessKey.startsWith("WS");
    }
}
