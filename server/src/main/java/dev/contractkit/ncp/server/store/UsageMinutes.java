package dev.contractkit.ncp.server.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One tenant's gateway calls per minute over the last {@link MinuteCount#KEPT_MINUTES} minutes, per key and per
 * usage plan, by verdict (an unknown key belongs to neither, so it is not counted). Not thread-safe: the
 * in-memory store calls it under the tenant's lock, in the same step as the admission it counts.
 */
final class UsageMinutes {
    private record Tally(MinuteCount.Subject subject, String id, Admission.Verdict verdict) {
    }

    private record Bucket(long minute, Map<Tally, long[]> counts) {
    }

    /** Oldest first. */
    private final ArrayDeque<Bucket> buckets = new ArrayDeque<>();

    void count(long minute, Admission admission) {
        if (admission.apiKeyId() == null) {
            return;
        }
        Bucket last = buckets.peekLast();
        if (last == null || last.minute() < minute) {
            last = new Bucket(minute, new HashMap<>());
            buckets.addLast(last);
        } else if (last.minute() > minute) {
            return; // a clock moved back: the minute is gone already
        }
        while (buckets.peekFirst().minute() <= minute - MinuteCount.KEPT_MINUTES) {
            buckets.removeFirst();
        }
        last.counts().computeIfAbsent(new Tally(MinuteCount.Subject.KEY, admission.apiKeyId(), admission.verdict()), t -> new long[1])[0]++;
        if (admission.usagePlanId() != null) {
            last.counts().computeIfAbsent(new Tally(MinuteCount.Subject.PLAN, admission.usagePlanId(), admission.verdict()), t -> new long[1])[0]++;
        }
    }

    /** Every count of the minutes from {@code from} to {@code to}, both included, oldest minute first. */
    List<MinuteCount> between(long from, long to) {
        List<MinuteCount> out = new ArrayList<>();
        for (Bucket bucket : buckets) {
            if (bucket.minute() >= from && bucket.minute() <= to) {
                bucket.counts().forEach((tally, count) -> out.add(new MinuteCount(bucket.minute(), tally.subject(), tally.id(), tally.verdict(), count[0])));
            }
        }
        return out;
    }
}
