package dev.contractkit.ncp.server.auth;

/**
 * What the signature filter tells, and asks, the provider-state machinery under contract testing (where
 * replayed pacts carry recorded signatures): an API request arrived, and whether this one must be refused
 * as if its signature were wrong. Implemented above this package, by the provider states.
 */
public interface ReplayedRequests {
    /** An API request of the tenant arrived: the set-up of its current interaction is over. */
    void apiRequestArrived(String tenantId);

    /** Whether this request of the tenant must be refused for a wrong signature; true once per set-up that asked for it. */
    boolean refuseThisRequest(String tenantId);
}
