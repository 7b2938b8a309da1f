package dev.contractkit.ncp.server.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The limit is written once; Vert.x's own hard cap must stay above it, or a bare 413 would answer first. */
@QuarkusTest
class RequestBodyLimitTest {

    @Test
    void theHttpLayersHardCapStaysAboveNcpsLimit() {
        MemorySize cap = ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size", MemorySize.class);
        assertThat(cap.asLongValue()).isGreaterThan(RequestBodyLimit.MAX_BYTES);
        assertThat(RequestBodyLimit.DETAILS).contains(Long.toString(RequestBodyLimit.MAX_BYTES));
    }
}
