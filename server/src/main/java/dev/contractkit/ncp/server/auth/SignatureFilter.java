package dev.contractkit.ncp.server.auth;

import dev.contractkit.ncp.server.config.NcpMockConfig;
import dev.contractkit.ncp.server.error.NcpErrorCode;
import dev.contractkit.ncp.server.error.NcpErrors;
import dev.contractkit.ncp.signature.NcpHeaders;
import dev.contractkit.ncp.signature.NcpSigner;
import dev.contractkit.ncp.signature.Verification;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks NCP's three signed headers on every {@code /api/v1} request before it is routed, the way the
 * gateway does, and tells {@link Caller} whose request it is.
 */
public class SignatureFilter {
    private static final Logger LOG = Logger.getLogger(SignatureFilter.class);

    private final Tenants tenants;
    private final Caller caller;
    private final boolean verifying;
    private final boolean contractTesting;
    private final ReplayedRequests providerStates;

    public SignatureFilter(Tenants tenants, Caller caller, NcpMockConfig config, ReplayedRequests providerStates) {
        this.tenants = tenants;
        this.caller = caller;
        this.verifying = config.verifySignatures();
        this.contractTesting = config.contractTesting();
        this.providerStates = providerStates;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Response authenticate(HttpServerRequest request) {
        String accessKey = request.getHeader(NcpHeaders.ACCESS_KEY);
        if (contractTesting) {
            return replayed(request, accessKey);
        }
        if (!verifying) {
            caller.authenticatedAs(accessKey == null || accessKey.isBlank() ? tenants.defaultTenant() : tenants.forAccessKey(accessKey));
            return null;
        }
        // Vert.x keeps path and query exactly as sent, which is what NCP signs.
        Verification result = tenants.verifier().verify(request.method().name(),
                NcpSigner.pathAndQuery(request.path(), request.query()),
                request.getHeader(NcpHeaders.TIMESTAMP), accessKey, request.getHeader(NcpHeaders.SIGNATURE));
        if (!result.isValid()) {
            LOG.debugf("rejected %s %s: %s", request.method(), request.path(), result.failure());
            return NcpErrors.response(NcpErrorCode.AUTHENTICATION_FAILED, result.details());
        }
        caller.authenticatedAs(tenants.forAccessKey(result.accessKey()));
        return null;
    }

    /**
     * Contract testing: a replayed pact carries the headers it recorded, at some past time, with some access
     * key. All three must be there, as in normal mode; their values are not checked, and the request is made
     * by the first configured tenant, whose state the provider-state URL set up. The state "the request
     * signature is wrong" still answers 401 "200".
     */
    private Response replayed(HttpServerRequest request, String accessKey) {
        providerStates.apiRequestArrived();
        String timestamp = request.getHeader(NcpHeaders.TIMESTAMP);
        String signature = request.getHeader(NcpHeaders.SIGNATURE);
        if (isBlank(timestamp) || isBlank(accessKey) || isBlank(signature)) {
            Verification missing = tenants.verifier().verify(request.method().name(), request.path(), timestamp, accessKey, signature);
            return NcpErrors.response(NcpErrorCode.AUTHENTICATION_FAILED, missing.details());
        }
        if (providerStates.refuseThisRequest()) {
            return NcpErrors.response(NcpErrorCode.AUTHENTICATION_FAILED, NcpHeaders.SIGNATURE + " does not match the request.");
        }
        caller.authenticatedAs(tenants.defaultTenant());
        return null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
