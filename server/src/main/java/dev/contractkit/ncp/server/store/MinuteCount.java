package dev.contractkit.ncp.server.store;

/**
 * How many gateway calls of one minute got one verdict, for one key or one usage plan of a tenant: what the
 * console charts. {@code minute} counts minutes since the epoch (UTC).
 */
public record MinuteCount(long minute, Subject subject, String id, Admission.Verdict verdict, long count) {

    /** What a count is of: a key's calls, or the calls made under a usage plan (by any key). */
    public enum Subject {
        KEY, PLAN
    }

    /** How many minutes of counts a store keeps: the last hour. */
    public static final int KEPT_MINUTES = 60;

    /** The minute of a moment. */
    public static long minuteOf(java.time.Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 60);
    }
}
