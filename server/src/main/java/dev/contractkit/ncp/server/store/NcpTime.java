package dev.contractkit.ncp.server.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** NCP's times ({@code modTime}, {@code regTime}, ...) are whole seconds: the one place that truncates them. */
public final class NcpTime {
    private NcpTime() {
    }

    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
