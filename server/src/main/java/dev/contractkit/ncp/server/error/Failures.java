package dev.contractkit.ncp.server.error;

import dev.contractkit.ncp.server.store.StoreUnavailableException;
import dev.contractkit.ncp.server.store.TenantFullException;
import dev.contractkit.ncp.server.subscription.SubscriptionRefusedException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The one place a failure becomes NCP's error: whatever went wrong, in Quarkus REST (the exception mappers) or
 * below it (the route filters and handlers, through {@link NcpErrors#fail}), is described here as the code, status
 * and details of its envelope. An answer the mock means to give ({@link NcpException}) is itself; the rest are
 * the store's outage, a tenant at its limit, a refused subscription, or a bug.
 */
public final class Failures {
    private static final Logger LOG = Logger.getLogger(Failures.class);
    private static final long STORE_WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final AtomicLong lastStoreWarning = new AtomicLong(System.nanoTime() - STORE_WARNING_INTERVAL_NANOS - 1);

    private Failures() {
    }

    /** What to answer for {@code failure}; {@code during} names the request, for the log of a bug. */
    public static NcpException describe(Throwable failure, String during) {
        if (failure instanceof NcpException answer) {
            return answer;
        }
        if (failure instanceof SubscriptionRefusedException refused) {
            // unknown key, product, stage or usage plan, or no subscription: 404 "300"; a blocked subscription: 403 "230"
            return new NcpException(refused.reason() == SubscriptionRefusedException.Reason.BLOCKED ? NcpErrorCode.FORBIDDEN : NcpErrorCode.NOT_FOUND,
                    refused.getMessage());
        }
        if (failure instanceof StoreUnavailableException) {
            // at once, with one WARN line at most every 10 seconds and no stack trace, however many requests fail
            long now = System.nanoTime();
            long last = lastStoreWarning.get();
            if (now - last > STORE_WARNING_INTERVAL_NANOS && lastStoreWarning.compareAndSet(last, now)) {
                LOG.warnf("The key store is unavailable, answering 503 \"500\": %s", failure.getMessage());
            }
            return new NcpException(NcpErrorCode.ENDPOINT_ERROR, "The key store is unavailable; try again shortly.");
        }
        if (failure instanceof TenantFullException) {
            // a quota, naming the setting
            return new NcpException(NcpErrorCode.QUOTA_EXCEEDED, failure.getMessage());
        }
        LOG.errorf(failure, "Unexpected error while answering %s", during);
        return new NcpException(NcpErrorCode.UNEXPECTED_ERROR, "The request could not be processed.");
    }
}
