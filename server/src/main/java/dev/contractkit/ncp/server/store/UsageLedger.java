package dev.contractkit.ncp.server.store;

import dev.contractkit.ncp.server.store.Admission.Verdict;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway's rules over one tenant's keys, subscriptions and counters, framework-free, for the store in
 * memory (the Redis store runs the same rules in {@code redis/admit.lua}). Not thread-safe: the store holds
 * its lock around each call.
 *
 * <p>Counters: per key and stage, the admitted calls of the current second (the rate); per stage, those of
 * all keys (the throttle); per key, product and stage, the day's and month's calls and admitted calls.
 * A refused call changes no rate or throttle window and no quota; only the call counts grow.
 */
public final class UsageLedger {
    /** Second and count of a rate or throttle window. */
    private final Map<String, long[]> windows = new HashMap<>();
    private final Map<String, Counters> counters = new HashMap<>();

    private static final class Counters {
        String day = "";
        String month = "";
        long dayUsage;
        long monthUsage;
        long dayCalls;
        long monthCalls;

        void roll(String today, String thisMonth) {
            if (!today.equals(day)) {
                day = today;
                dayUsage = 0;
                dayCalls = 0;
            }
            if (!thisMonth.equals(month)) {
                month = thisMonth;
                monthUsage = 0;
                monthCalls = 0;
            }
        }
    }

    /** Checks and counts one call; {@code keys} are the tenant's keys, {@code subscriptions} by "keyId/productId". */
    public Admission admit(GatewayCall call, Iterable<StoredApiKey> keys, Map<String, StoredSubscription> subscriptions) {
        StoredApiKey key = null;
        KeySlot used = null;
        for (StoredApiKey candidate : keys) {
            if (call.keyValue().equals(candidate.primaryKey())) {
                key = candidate;
                used = KeySlot.PRIMARY;
                break;
            }
            if (call.keyValue().equals(candidate.secondaryKey())) {
                key = candidate;
                used = KeySlot.SECONDARY;
                break;
            }
        }
        if (key == null) {
            return Admission.unknown();
        }
        if (!key.enabled()) {
            return new Admission(Verdict.DISABLED_KEY, key.apiKeyId(), used, null);
        }
        StoredSubscription subscription = subscriptions.get(StoredSubscription.id(key.apiKeyId(), call.productId()));
        SubscriptionState status = subscription == null ? null : subscription.status();
        if (status == SubscriptionState.BLOCKED_REQUEST || call.subscriptionRequired() && status != SubscriptionState.ACCEPTED) {
            return new Admission(Verdict.NOT_SUBSCRIBED, key.apiKeyId(), used, null);
        }
        GatewayCall.PlanLimits plan = call.plan(subscription == null ? null : subscription.usagePlans().get(call.stageId()));
        Counters usage = counters.computeIfAbsent(usageId(key.apiKeyId(), call.productId(), call.stageId()), id -> new Counters());
        usage.roll(call.day(), call.month());
        usage.dayCalls++;
        usage.monthCalls++;
        long[] throttle = window("*/" + call.stageId(), call.second());
        long[] rate = window(key.apiKeyId() + "/" + call.stageId(), call.second());
        Verdict verdict;
        if (call.throttleRps() > 0 && throttle[1] >= call.throttleRps()) {
            verdict = Verdict.THROTTLED;
        } else if (plan.rateRps() > 0 && rate[1] >= plan.rateRps()) {
            verdict = Verdict.RATE_LIMITED;
        } else if (plan.dayQuotaRequest() > 0 && usage.dayUsage >= plan.dayQuotaRequest()
                || plan.monthQuotaRequest() > 0 && usage.monthUsage >= plan.monthQuotaRequest()) {
            verdict = Verdict.QUOTA_EXCEEDED;
        } else {
            verdict = Verdict.ADMITTED;
            throttle[1]++;
            rate[1]++;
            usage.dayUsage++;
            usage.monthUsage++;
        }
        return new Admission(verdict, key.apiKeyId(), used, plan.usagePlanId());
    }

    /** The key's use of each stage of the product, by stage id, in the day and month of {@code call}'s clock. */
    public Usage usage(String apiKeyId, String productId, String stageId, String today, String thisMonth) {
        Counters usage = counters.get(usageId(apiKeyId, productId, stageId));
        if (usage == null) {
            return Usage.NONE;
        }
        boolean sameDay = usage.day.equals(today);
        boolean sameMonth = usage.month.equals(thisMonth);
        return new Usage(sameDay ? usage.dayUsage : 0, sameMonth ? usage.monthUsage : 0, sameDay ? usage.dayCalls : 0,
                sameMonth ? usage.monthCalls : 0);
    }

    /** The key's use of each of the stages of the product, by stage id, in the day and month of {@code at}. */
    public Map<String, Usage> usage(String apiKeyId, String productId, List<String> stageIds, Instant at) {
        Map<String, Usage> byStage = new HashMap<>();
        stageIds.forEach(stageId -> byStage.put(stageId, usage(apiKeyId, productId, stageId, GatewayCall.day(at), GatewayCall.month(at))));
        return byStage;
    }

    /** Forgets the counters of a deleted key. */
    public void forget(String apiKeyId) {
        String prefix = StoredSubscription.idPrefix(apiKeyId);
        counters.keySet().removeIf(id -> id.startsWith(prefix));
        windows.keySet().removeIf(id -> id.startsWith(prefix));
    }

    private long[] window(String id, long second) {
        long[] window = windows.computeIfAbsent(id, any -> new long[] {second, 0});
        if (window[0] != second) {
            window[0] = second;
            window[1] = 0;
        }
        return window;
    }

    /** "keyId/productId/stageId": one key's counters on one stage (the Lua script builds the same). */
    static String usageId(String apiKeyId, String productId, String stageId) {
        return StoredSubscription.id(apiKeyId, productId) + "/" + stageId;
    }
}
