package dev.contractkit.ncp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;

/** A fresh key of tenant A and what it looked like when made: for tests of requests that must change nothing. */
public final class UntouchedKey {
    public final SignedRequests tenant;
    public final String id;
    public final Map<String, Object> before;

    private UntouchedKey(SignedRequests tenant, String id) {
        this.tenant = tenant;
        this.id = id;
        this.before = tenant.get(id).then().statusCode(200).extract().path("$");
    }

    public static UntouchedKey create(Clock clock, String name) {
        SignedRequests tenant = SignedRequests.as(SignedRequests.TENANT_A, clock);
        return new UntouchedKey(tenant, tenant.createdId(name));
    }

    /** The key is exactly as it was made: no refused request touched it. */
    public void assertUnchanged() {
        Map<String, Object> after = tenant.get(id).then().statusCode(200).extract().path("$");
        assertThat(after).isEqualTo(before);
    }
}
