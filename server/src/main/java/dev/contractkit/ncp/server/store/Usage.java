package dev.contractkit.ncp.server.store;

/**
 * A key's use of one stage of a product in the current day and month: {@code dailyUsage}/{@code monthlyUsage}
 * count the admitted calls (what the quotas count), {@code dayCallCount}/{@code monthCallCount} every call
 * the key's checks passed, including those the throttle, rate or quota then refused.
 */
public record Usage(long dailyUsage, long monthlyUsage, long dayCallCount, long monthCallCount) {
    public static final Usage NONE = new Usage(0, 0, 0, 0);
}
