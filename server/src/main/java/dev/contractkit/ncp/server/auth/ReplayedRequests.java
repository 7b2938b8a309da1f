package dev.contractkit.ncp.server.auth;

/**
 * What the signature filter tells, and asks, the provider-state machinery under contract testing (where
 * replayed pacts carry recorded signatures): an API request arrived, and whether this one must be refused
 * as if its signature were wrong. Implemented above this package, by the provider states.
 */
public interface ReplayedRequests {
    /** An API request arrived: the set-up of the current interaction is over. */
    void apiRequestArrived();

    /** Whether this request must be refused for a wrong signature; true once per set-up that asked for it. */
    boolean refuseThisRequest();
}
