package dev.contractkit.ncp.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.server.error.NcpErrors;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** NCP's body limit is written once (NcpErrors); Vert.x's own hard cap must stay above it, or a bare 413 would answer first. */
@QuarkusTest
class RequestBodyLimitTest {

    @Test
    void theHttpLayersHardCapStaysAboveNcpsLimit() {
        MemorySize cap = ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size", MemorySize.class);
        assertThat(NcpErrors.MAX_BODY_BYTES).as("NCP's limit: 10 MB").isEqualTo(10_485_760L);
        assertThat(cap.asLongValue()).isGreaterThan(10_485_760L);
        assertThat(NcpErrors.BODY_TOO_LARGE).isEqualTo("The request body is larger than 10485760 bytes.");
    }
}
