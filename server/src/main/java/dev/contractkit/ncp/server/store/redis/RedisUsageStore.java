package dev.contractkit.ncp.server.store.redis;

import dev.contractkit.ncp.server.store.Admission;
import dev.contractkit.ncp.server.store.MinuteCount;
import dev.contractkit.ncp.server.store.GatewayCall;
import dev.contractkit.ncp.server.store.KeySlot;
import dev.contractkit.ncp.server.store.StoredSubscription;
import dev.contractkit.ncp.server.store.Usage;
import dev.contractkit.ncp.server.store.UsageStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway's checks and counters in Redis: each call is one run of {@code admit.lua} over the tenant's
 * slot (the rules of {@code store/UsageLedger}), so replicas share every window and quota exactly. The
 * tenant's {@code usage} hash holds "keyId/productId/stageId" to the day and month counters as JSON; its
 * {@code rate} hash "keyId/stageId" to "second:count" of a key's rate window (with "*" for the key id: the
 * stage's throttle window).
 */
final class RedisUsageStore implements UsageStore {
    private static final LuaScript ADMIT = LuaScript.load("admit");
    private static final LuaScript MINUTES = LuaScript.load("minutes");

    private final RedisTransport redis;
    private final StoredJson json;

    RedisUsageStore(RedisTransport redis, StoredJson json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public Uni<Admission> admit(String tenantId, GatewayCall call) {
        List<String> args = new ArrayList<>(List.of(call.keyValue(), call.productId(), call.subscriptionRequired() ? "1" : "0",
                call.stageId(), Long.toString(call.throttleRps()), Long.toString(call.second()), call.day(), call.month()));
        for (GatewayCall.PlanLimits plan : call.plans()) {
            args.addAll(List.of(plan.usagePlanId(), Long.toString(plan.rateRps()), Long.toString(plan.dayQuotaRequest()),
                    Long.toString(plan.monthQuotaRequest())));
        }
        String[] keys = Arrays.copyOf(TenantSlot.keys(tenantId), 10);
        keys[9] = TenantSlot.minuteKey(tenantId, MinuteCount.minuteOf(call.at()));
        return redis.eval(ADMIT, keys, args.toArray(String[]::new)).map(answer -> {
            if (answer.size() < 3) {
                return Admission.unknown();
            }
            return new Admission(Admission.Verdict.valueOf(answer.get(0).toString()), answer.get(1).toString(),
                    KeySlot.valueOf(answer.get(2).toString()), answer.size() > 3 ? answer.get(3).toString() : null);
        });
    }

    @Override
    public Uni<List<MinuteCount>> minutes(String tenantId, long fromMinute, long toMinute) {
        long from = Math.max(fromMinute, toMinute - MinuteCount.KEPT_MINUTES + 1);
        if (from > toMinute) {
            return Uni.createFrom().item(List.of());
        }
        String[] keys = new String[(int) (toMinute - from + 1)];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = TenantSlot.minuteKey(tenantId, from + i);
        }
        return redis.eval(MINUTES, keys).map(answer -> {
            List<MinuteCount> counts = new ArrayList<>();
            for (int i = 0; i < answer.size(); i++) {
                Response fields = answer.get(i);
                for (int f = 0; f + 1 < fields.size(); f += 2) {
                    MinuteCount count = parse(from + i, fields.get(f).toString(), fields.get(f + 1).toLong());
                    if (count != null) {
                        counts.add(count);
                    }
                }
            }
            return counts;
        });
    }

    /** "k/keyId/VERDICT" or "p/planId/VERDICT" (an id may hold '/': the verdict is after the last one). */
    private static MinuteCount parse(long minute, String field, long count) {
        int last = field.lastIndexOf('/');
        if (field.length() < 4 || field.charAt(1) != '/' || last <= 2) {
            return null;
        }
        MinuteCount.Subject subject = field.charAt(0) == 'k' ? MinuteCount.Subject.KEY : MinuteCount.Subject.PLAN;
        return new MinuteCount(minute, subject, field.substring(2, last), Admission.Verdict.valueOf(field.substring(last + 1)), count);
    }

    @Override
    public Uni<Map<String, Usage>> usage(String tenantId, String apiKeyId, String productId, List<String> stageIds, Instant at) {
        if (stageIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Request hmget = Request.cmd(Command.HMGET).arg(TenantSlot.key(tenantId, "usage"));
        stageIds.forEach(stageId -> hmget.arg(StoredSubscription.id(apiKeyId, productId) + "/" + stageId));
        return redis.send(hmget).map(answer -> {
            Map<String, Usage> byStage = new HashMap<>();
            for (int i = 0; i < stageIds.size(); i++) {
                Response counted = answer.get(i);
                byStage.put(stageIds.get(i), counted == null ? Usage.NONE
                        : json.usage(counted.toString(), GatewayCall.day(at), GatewayCall.month(at)));
            }
            return byStage;
        });
    }
}
