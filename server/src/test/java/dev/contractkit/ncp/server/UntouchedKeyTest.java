package dev.contractkit.ncp.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fixture of {@code @QuarkusTest}s of requests that must change nothing: each test starts with a fresh key of
 * tenant A, and {@link #assertUnchanged()} checks it is exactly as it was made.
 */
public abstract class UntouchedKeyTest {

    @Inject
    protected TestClock clock;

    @TestHTTPResource("/")
    protected URI root;

    /** Tenant A, signing with the test clock. */
    protected SignedRequests tenant;
    /** The fresh key's id. */
    protected String id;
    /** The fresh key, as read back when made. */
    protected Map<String, Object> before;

    @BeforeEach
    void createTheUntouchedKey() {
        tenant = SignedRequests.as(SignedRequests.TENANT_A, clock);
        id = tenant.createdId("untouched-key");
        before = tenant.get(id).then().statusCode(200).extract().path("$");
    }

    /** The key is exactly as it was made: no refused request touched it. */
    protected void assertUnchanged() {
        Map<String, Object> after = tenant.get(id).then().statusCode(200).extract().path("$");
        assertThat(after).isEqualTo(before);
    }
}
