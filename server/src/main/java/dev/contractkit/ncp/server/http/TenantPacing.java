package dev.contractkit.ncp.server.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A fair share of the mock for each workspace of a shared mock: a bucket of {@code rate} units a second (as
 * many in reserve), where a gateway call costs 1 and a page of keys 1 more for every 5 keys asked for (the price
 * that keeps another tenant's gateway p99 within 2x of an idle mock's while a workspace lists full pages; at one
 * unit per 100 keys it rose four- to sevenfold: bench/fairness.sh). A
 * workspace within its share is answered at once; past it, its answers wait until its share has caught up (a
 * client that waits for each answer, as every test client does, thereby slows itself to its share, and the
 * mock's CPU stays free for the others); a debt of more than {@link #MAX_WAIT_MILLIS} is refused instead
 * (429 "420"), so that no queue grows. The configured tenants are the operator's own and never paced.
 * Framework-free: the caller waits on a timer, never on a thread.
 */
public final class TenantPacing {
    /** The longest an answer is held back; past it, refused. */
    public static final long MAX_WAIT_MILLIS = 2_000;
    /** The details of a refusal (429 "420"). */
    public static final String REFUSAL = "This workspace is past its share of the mock (ncp.mock.workspace-rate units a second) "
            + "by more than 2 s of answers; slow down.";
    /** The answer to give: at once (0), after so many milliseconds, or refused ({@link #REFUSE}). */
    public static final long REFUSE = -1;

    private final double unitsPerNano;
    private final double reserve;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong takes = new AtomicLong();

    /** A tenant's units in reserve (negative: owed), as of {@code at} (nanoTime). */
    private static final class Bucket {
        double units;
        long at;

        Bucket(double units, long at) {
            this.units = units;
            this.at = at;
        }
    }

    /** {@code unitsPerSecond} 0 or less: nobody is paced. */
    public TenantPacing(long unitsPerSecond, LongSupplier nanoTime) {
        this.unitsPerNano = unitsPerSecond / 1e9;
        this.reserve = unitsPerSecond;
        this.nanoTime = nanoTime;
    }

    /** What a page of {@code limit} items costs. */
    public static int pageCost(long limit) {
        return 1 + (int) (Math.min(Math.max(limit, 0), 1000) / 5);
    }

    /** Takes {@code cost} units of the tenant's share: how long its answer must wait, or {@link #REFUSE}. */
    public long take(String tenantId, int cost) {
        if (unitsPerNano <= 0) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        if ((takes.incrementAndGet() & 1023) == 0) {
            forgetIdle(now);
        }
        Bucket bucket = buckets.computeIfAbsent(tenantId, id -> new Bucket(reserve, now));
        synchronized (bucket) {
            double units = Math.min(reserve, bucket.units + Math.max(0, now - bucket.at) * unitsPerNano);
            bucket.at = now;
            double after = units - cost;
            if (after >= 0) {
                bucket.units = after;
                return 0;
            }
            long waitMillis = (long) Math.ceil(-after / unitsPerNano / 1_000_000);
            if (waitMillis > MAX_WAIT_MILLIS) {
                bucket.units = units;
                return REFUSE;
            }
            bucket.units = after;
            return waitMillis;
        }
    }

    /** A bucket untouched for long enough to be full again is the same as none: forgotten (deleted workspaces' too). */
    private void forgetIdle(long now) {
        long full = (long) (reserve / unitsPerNano);
        buckets.values().removeIf(bucket -> {
            synchronized (bucket) {
                return now - bucket.at > full;
            }
        });
    }

    /** How many tenants have a bucket (for tests). */
    int tenantsHeld() {
        return buckets.size();
    }
}
