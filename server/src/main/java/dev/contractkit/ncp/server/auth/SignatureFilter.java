package dev.contractkit.ncp.server.auth;

import dev.contractkit.ncp.server.config.NcpMockConfig;
import dev.contractkit.ncp.server.error.NcpErrorCode;
import dev.contractkit.ncp.server.error.NcpErrors;
import dev.contractkit.ncp.server.store.Workspace;
import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.signature.NcpHeaders;
import dev.contractkit.ncp.signature.NcpSigner;
import dev.contractkit.ncp.signature.SignatureVerifier;
import dev.contractkit.ncp.signature.Verification;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks NCP's three signed headers on every {@code /api/v1} request before it is routed, the way the
 * gateway does, and tells {@link Caller} whose request it is: a configured tenant, or a workspace, by its
 * access key or by the prefix it came under ({@link WorkspaceRequests}). The signature always covers the
 * path and query as the client sent them.
 */
public class SignatureFilter {
    private static final Logger LOG = Logger.getLogger(SignatureFilter.class);

    private final Tenants tenants;
    private final Caller caller;
    private final boolean verifying;
    private final boolean contractTesting;
    private final ReplayedRequests providerStates;
    private final Clock clock;
    private final Duration allowedSkew;

    public SignatureFilter(Tenants tenants, Caller caller, NcpMockConfig config, ReplayedRequests providerStates, Clock clock) {
        this.tenants = tenants;
        this.caller = caller;
        this.verifying = config.verifySignatures();
        this.contractTesting = config.contractTesting();
        this.providerStates = providerStates;
        this.clock = clock;
        this.allowedSkew = config.allowedClockSkew();
    }

    /** Synchronous, so that Quarkus REST never suspends a request for it; a workspace was looked up before (WorkspaceRequests). */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION, nonBlocking = true)
    public Response authenticate(RoutingContext context) {
        HttpServerRequest request = context.request();
        String accessKey = request.getHeader(NcpHeaders.ACCESS_KEY);
        Workspace prefixed = WorkspaceRequests.workspace(context);
        if (prefixed != null) {
            return workspaceRequest(context, prefixed, accessKey);
        }
        if (contractTesting) {
            return replayed(request, accessKey, tenants.defaultTenant());
        }
        if (!verifying) {
            caller.authenticatedAs(accessKey == null || accessKey.isBlank() ? tenants.defaultTenant() : tenants.forAccessKey(accessKey));
            return null;
        }
        String pathAndQuery = NcpSigner.pathAndQuery(request.path(), request.query());
        Workspace signedFor = context.get(WorkspaceRequests.BY_ACCESS_KEY);
        return signedFor != null ? verified(request, pathAndQuery, verifierOf(signedFor), signedFor)
                : verified(request, pathAndQuery, tenants.verifier(), null);
    }

    /** A request under a workspace's prefix: its credentials over the path as sent, or (contract testing) a replayed pact. */
    private Response workspaceRequest(RoutingContext context, Workspace workspace, String accessKey) {
        Tenant tenant = WorkspaceRequests.tenant(workspace);
        if (workspace.contractTesting()) {
            return replayed(context.request(), accessKey, tenant);
        }
        if (!verifying) {
            caller.authenticatedAs(tenant);
            return null;
        }
        return verified(context.request(), context.get(WorkspaceRequests.SIGNED_PATH_AND_QUERY), verifierOf(workspace), workspace);
    }

    /** Verifies with the configured credentials ({@code workspace} null) or with a workspace's. */
    private Response verified(HttpServerRequest request, String pathAndQuery, SignatureVerifier verifier, Workspace workspace) {
        Verification result = verifier.verify(request.method().name(), pathAndQuery,
                request.getHeader(NcpHeaders.TIMESTAMP), request.getHeader(NcpHeaders.ACCESS_KEY), request.getHeader(NcpHeaders.SIGNATURE));
        if (!result.isValid()) {
            LOG.debugf("rejected %s %s: %s", request.method(), request.path(), result.failure());
            return NcpErrors.response(NcpErrorCode.AUTHENTICATION_FAILED, result.details());
        }
        caller.authenticatedAs(workspace != null ? WorkspaceRequests.tenant(workspace) : tenants.forAccessKey(result.accessKey()));
        return null;
    }

    private SignatureVerifier verifierOf(Workspace workspace) {
        return new SignatureVerifier(List.of(new NcpCredentials(workspace.accessKey(), workspace.secretKey())), clock, allowedSkew);
    }

    /**
     * Contract testing: a replayed pact carries the headers it recorded, at some past time, with some access
     * key. All three must be there, as in normal mode; their values are not checked, and the request is made
     * by {@code tenant} (the first configured one, or the workspace's), whose state the provider-state URL
     * set up. The state "the request signature is wrong" still answers 401 "200".
     */
    private Response replayed(HttpServerRequest request, String accessKey, Tenant tenant) {
        providerStates.apiRequestArrived(tenant.tenantId());
        String timestamp = request.getHeader(NcpHeaders.TIMESTAMP);
        String signature = request.getHeader(NcpHeaders.SIGNATURE);
        if (isBlank(timestamp) || isBlank(accessKey) || isBlank(signature)) {
            Verification missing = tenants.verifier().verify(request.method().name(), request.path(), timestamp, accessKey, signature);
            return NcpErrors.response(NcpErrorCode.AUTHENTICATION_FAILED, missing.details());
        }
        if (providerStates.refuseThisRequest(tenant.tenantId())) {
            return NcpErrors.response(NcpErrorCode.AUTHENTICATION_FAILED, NcpHeaders.SIGNATURE + " does not match the request.");
        }
        caller.authenticatedAs(tenant);
        return null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
