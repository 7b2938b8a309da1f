package dev.contractkit.ncp.server.auth;

import dev.contractkit.ncp.server.config.NcpMockConfig;
import dev.contractkit.ncp.server.error.NcpErrorCode;
import dev.contractkit.ncp.server.error.NcpErrors;
import dev.contractkit.ncp.signature.NcpHeaders;
import dev.contractkit.ncp.signature.Verification;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * Checks NCP's three signed headers on every {@code /api/v1} request before it is routed, the way the
 * gateway does ({@link RequestScope#verifySignature}, the one check, which the proxy uses too), and tells
 * {@link Caller} whose request it is: the scope's tenant, a configured one or a workspace's. The signature
 * always covers the path and query as the client sent them.
 */
@ApplicationScoped
public class SignatureFilter {
    private static final Logger LOG = Logger.getLogger(SignatureFilter.class);

    private final Caller caller;
    private final boolean verifying;
    private final ReplayedRequests providerStates;

    public SignatureFilter(Caller caller, NcpMockConfig config, ReplayedRequests providerStates) {
        this.caller = caller;
        this.verifying = config.verifySignatures();
        this.providerStates = providerStates;
    }

    /**
     * Synchronous, so that Quarkus REST never suspends a request for it; the request's scope (its tenant or
     * workspace, the path as signed, contract testing) was resolved before ({@link RequestScope}).
     */
    public Response authenticate(RoutingContext context) {
        RequestScope scope = RequestScope.of(context);
        HttpServerRequest request = context.request();
        if (scope.contractTesting()) {
            return replayed(request, scope);
        }
        if (!verifying) {
            caller.authenticatedAs(scope.tenant());
            return null;
        }
        Verification result = scope.verifySignature(request);
        if (!result.isValid()) {
            LOG.debugf("rejected %s %s: %s", request.method(), request.path(), result.failure());
            return NcpErrors.response(NcpErrorCode.AUTHENTICATION_FAILED, result.details());
        }
        caller.authenticatedAs(scope.tenant());
        return null;
    }

    /**
     * Contract testing: a replayed pact carries the headers it recorded, at some past time, with some access
     * key. All three must be there, as in normal mode; their values are not checked, and the request is made
     * by {@code tenant} (the first configured one, or the workspace's), whose state the provider-state URL
     * set up. The state "the request signature is wrong" still answers 401 "200".
     */
    private Response replayed(HttpServerRequest request, RequestScope scope) {
        Tenant tenant = scope.tenant();
        providerStates.apiRequestArrived(tenant.tenantId());
        String timestamp = request.getHeader(NcpHeaders.TIMESTAMP);
        String accessKey = request.getHeader(NcpHeaders.ACCESS_KEY);
        String signature = request.getHeader(NcpHeaders.SIGNATURE);
        if (isBlank(timestamp) || isBlank(accessKey) || isBlank(signature)) {
            // the check itself names what is missing, as in normal mode
            return NcpErrors.response(NcpErrorCode.AUTHENTICATION_FAILED, scope.verifySignature(request).details());
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
