package dev.contractkit.ncp.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A workspace's fair share: its reserve at once, then answers held back as its share catches up, refused past 2 s. */
class TenantPacingTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TenantPacing pacing = new TenantPacing(1000, now::get);

    @Test
    void theReserveIsAnsweredAtOnceThenEachCallWaitsForItsShare() {
        for (int i = 0; i < 1000; i++) {
            assertThat(pacing.take("ws", 1)).as("call %d", i).isZero();
        }
        assertThat(pacing.take("ws", 1)).isEqualTo(1);
        assertThat(pacing.take("ws", 10)).isEqualTo(11);
        assertThat(pacing.take("other", 1)).as("another tenant's share is its own").isZero();
    }

    @Test
    void aDebtOfMoreThanTwoSecondsIsRefusedAndCostsNothing() {
        assertThat(pacing.take("ws", 1000)).isZero();
        assertThat(pacing.take("ws", 2000)).isEqualTo(2000);
        assertThat(pacing.take("ws", 1)).isEqualTo(TenantPacing.REFUSE);
        now.addAndGet(1_000_000_000L); // a second later: 1,000 units more
        assertThat(pacing.take("ws", 1)).isEqualTo(1001);
    }

    @Test
    void theShareFillsUpAgainWithTimeButNeverAboveItsReserve() {
        pacing.take("ws", 1000);
        now.addAndGet(500_000_000L);
        assertThat(pacing.take("ws", 500)).isZero();
        now.addAndGet(60_000_000_000L);
        assertThat(pacing.take("ws", 1000)).isZero();
        assertThat(pacing.take("ws", 1)).isEqualTo(1);
    }

    @Test
    void aPageCostsOneAndOneMorePerFiveKeys() {
        assertThat(TenantPacing.pageCost(1)).isEqualTo(1);
        assertThat(TenantPacing.pageCost(20)).isEqualTo(5);
        assertThat(TenantPacing.pageCost(100)).isEqualTo(21);
        assertThat(TenantPacing.pageCost(1000)).isEqualTo(201);
        assertThat(TenantPacing.pageCost(5000)).isEqualTo(201);
    }

    @Test
    void aRateOfZeroPacesNobody() {
        TenantPacing off = new TenantPacing(0, now::get);
        for (int i = 0; i < 10_000; i++) {
            assertThat(off.take("ws", 11)).isZero();
        }
    }

    @Test
    void bucketsIdleLongEnoughToBeFullAreForgotten() {
        for (int i = 0; i < 100; i++) {
            pacing.take("ws" + i, 1);
        }
        assertThat(pacing.tenantsHeld()).isEqualTo(100);
        now.addAndGet(5_000_000_000L);
        for (int i = 0; i < 1024; i++) {
            pacing.take("busy", 0);
        }
        assertThat(pacing.tenantsHeld()).isEqualTo(1);
    }
}
