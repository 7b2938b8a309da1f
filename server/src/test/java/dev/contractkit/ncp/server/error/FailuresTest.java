package dev.contractkit.ncp.server.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.server.store.StoreUnavailableException;
import dev.contractkit.ncp.server.store.TenantFullException;
import dev.contractkit.ncp.server.subscription.SubscriptionRefusedException;
import org.junit.jupiter.api.Test;

/** The one description of a failure, for the exception mappers and the steps below Quarkus REST alike. */
class FailuresTest {

    @Test
    void anAnswerTheMockMeansToGiveIsItself() {
        NcpException refused = new NcpException(NcpErrorCode.BAD_REQUEST, "no");
        assertThat(Failures.describe(refused, "POST /mock/reset")).isSameAs(refused);
    }

    @Test
    void aStoreOutageIs503Code500AndSaysNothingOfRedis() {
        NcpException answer = Failures.describe(new StoreUnavailableException("Redis at 10.0.0.7:6379 is gone", null), "GET /api/v1/api-keys");
        assertThat(answer.code()).isEqualTo(NcpErrorCode.ENDPOINT_ERROR);
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.details()).doesNotContain("10.0.0.7");
    }

    @Test
    void aTenantAtItsLimitIsAQuotaAndARefusedSubscriptionIs404Or403() {
        assertThat(Failures.describe(new TenantFullException(3), "POST /api/v1/api-keys").code()).isEqualTo(NcpErrorCode.QUOTA_EXCEEDED);
        assertThat(Failures.describe(new SubscriptionRefusedException(SubscriptionRefusedException.Reason.BLOCKED, "blocked"), "x").code())
                .isEqualTo(NcpErrorCode.FORBIDDEN);
        assertThat(Failures.describe(new SubscriptionRefusedException(SubscriptionRefusedException.Reason.NOT_SUBSCRIBED, "none"), "x").code())
                .isEqualTo(NcpErrorCode.NOT_FOUND);
    }

    @Test
    void anythingElseIsABugAnswered500Code900WithoutItsMessage() {
        for (RuntimeException bug : new RuntimeException[] {new IllegalStateException("secret internals"), new NullPointerException()}) {
            NcpException answer = Failures.describe(bug, "GET /mock/requests");
            assertThat(answer.code()).isEqualTo(NcpErrorCode.UNEXPECTED_ERROR);
            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.details()).doesNotContain("secret internals");
        }
    }
}
