package dev.contractkit.ncp.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A call's operation, as the metrics label it: the spec's operation id, the most literal path first. */
class OperationsTest {
    private final Operations operations = new Operations();

    @Test
    void namesEachCallByItsOperationId() {
        assertThat(operations.of("PATCH", "/api/v1/api-keys/seedweb001")).isEqualTo("regenerateApiKey");
        assertThat(operations.of("patch", "/api/v1/api-keys/seedweb001")).isEqualTo("regenerateApiKey");
        assertThat(operations.of("GET", "/api/v1/api-keys/seedweb001")).isEqualTo("getApiKey");
        assertThat(operations.of("GET", "/api/v1/api-keys")).isEqualTo("listApiKeys");
        assertThat(operations.of("POST", "/api/v1/api-keys")).isEqualTo("createApiKey");
        assertThat(operations.of("PATCH", "/api/v1/products/prodprt002/api-keys/k1")).isEqualTo("decideSubscription");
        assertThat(operations.of("PUT", "/api/v1/products/p/api-keys/k/stages/s")).isEqualTo("setUsagePlan");
    }

    @Test
    void aLiteralSegmentWinsOverAParameterAndAnythingElseIsUnknown() {
        assertThat(operations.of("POST", "/api/v1/api-keys/search")).isEqualTo("searchApiKeysOfProduct");
        assertThat(operations.of("GET", "/api/v1/api-keys/search")).as("GET takes it for a key id, as JAX-RS does").isEqualTo("getApiKey");
        assertThat(operations.of("DELETE", "/api/v1/products")).isEqualTo(Operations.UNKNOWN);
        assertThat(operations.of("GET", "/api/v1/api-keys/a/b/c/d")).isEqualTo(Operations.UNKNOWN);
        assertThat(operations.of("GET", "/api/v2/api-keys")).isEqualTo(Operations.UNKNOWN);
        assertThat(operations.of("GET", "/api/v1/api-keys/x.y")).as("a dot is no wildcard").isEqualTo("getApiKey");
    }
}
