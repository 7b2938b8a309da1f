package dev.contractkit.ncp.server;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** The server's clock in tests: real time until a test sets or advances it. */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {
    private final AtomicLong offsetMillis = new AtomicLong();
    private volatile Long fixedMillis;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public long millis() {
        Long fixed = fixedMillis;
        return (fixed != null ? fixed : System.currentTimeMillis()) + offsetMillis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    public void advance(Duration duration) {
        offsetMillis.addAndGet(duration.toMillis());
    }

    public void fixAt(long epochMillis) {
        offsetMillis.set(0);
        fixedMillis = epochMillis;
    }

    public void reset() {
        offsetMillis.set(0);
        fixedMillis = null;
    }
}
