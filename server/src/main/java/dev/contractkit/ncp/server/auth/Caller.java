package dev.contractkit.ncp.server.auth;

import jakarta.enterprise.context.RequestScoped;

/** The tenant of the current request, set once by {@link SignatureFilter}. */
@RequestScoped
public class Caller {
    private Tenant tenant;

    void authenticatedAs(Tenant tenant) {
        this.tenant = tenant;
    }

    public Tenant tenant() {
        if (tenant == null) {
            throw new IllegalStateException("the request was not authenticated");
        }
        return tenant;
    }
}
