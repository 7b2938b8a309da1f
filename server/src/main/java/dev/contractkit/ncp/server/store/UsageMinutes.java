package dev.contractkit.ncp.server.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One tenant's gateway calls per minute over the last {@link MinuteCount#KEPT_MINUTES} minutes, per key and per
 * usage plan, by verdict (an unknown key belongs to neither, so it is not counted). Not thread-safe: the
 * in-memory store calls it under the tenant's lock, in the same step as the admission it counts; a count
 * allocates nothing once its key or plan has been seen in the minute.
 */
final class UsageMinutes {
    private static final Admission.Verdict[] VERDICTS = Admission.Verdict.values();

    /** A minute's counts: by key id, and by usage plan id, each an array indexed by the verdict's ordinal. */
    private record Bucket(long minute, Map<String, long[]> keys, Map<String, long[]> plans) {
    }

    /** Oldest first. */
    private final ArrayDeque<Bucket> buckets = new ArrayDeque<>();

    void count(long minute, Admission admission) {
        if (admission.apiKeyId() == null) {
            return;
        }
        Bucket last = buckets.peekLast();
        if (last == null || last.minute() < minute) {
            last = new Bucket(minute, new HashMap<>(), new HashMap<>());
            buckets.addLast(last);
        } else if (last.minute() > minute) {
            return; // a clock moved back: the minute is gone already
        }
        while (buckets.peekFirst().minute() <= minute - MinuteCount.KEPT_MINUTES) {
            buckets.removeFirst();
        }
        int verdict = admission.verdict().ordinal();
        last.keys().computeIfAbsent(admission.apiKeyId(), id -> new long[VERDICTS.length])[verdict]++;
        if (admission.usagePlanId() != null) {
            last.plans().computeIfAbsent(admission.usagePlanId(), id -> new long[VERDICTS.length])[verdict]++;
        }
    }

    /** Every count of the minutes from {@code from} to {@code to}, both included, oldest minute first. */
    List<MinuteCount> between(long from, long to) {
        List<MinuteCount> out = new ArrayList<>();
        for (Bucket bucket : buckets) {
            if (bucket.minute() >= from && bucket.minute() <= to) {
                add(out, bucket.minute(), MinuteCount.Subject.KEY, bucket.keys());
                add(out, bucket.minute(), MinuteCount.Subject.PLAN, bucket.plans());
            }
        }
        return out;
    }

    private static void add(List<MinuteCount> out, long minute, MinuteCount.Subject subject, Map<String, long[]> counts) {
        counts.forEach((id, byVerdict) -> {
            for (int i = 0; i < byVerdict.length; i++) {
                if (byVerdict[i] > 0) {
                    out.add(new MinuteCount(minute, subject, id, VERDICTS[i], byVerdict[i]));
                }
            }
        });
    }
}
