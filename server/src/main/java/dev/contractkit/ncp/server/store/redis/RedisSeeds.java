package dev.contractkit.ncp.server.store.redis;

import dev.contractkit.ncp.server.store.NcpTime;
import dev.contractkit.ncp.server.store.StoredApiKey;
import dev.contractkit.ncp.server.store.Workspace;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Seeding and resetting tenants in Redis: seed-once across replicas ({@code seed-if-new.lua}), the seed mark,
 * and the reset of every tenant in {@code ncp:tenants} ({@code reset-tenant.lua}, {@code forget-tenant.lua}).
 */
final class RedisSeeds {
    static final String TENANTS = "ncp:tenants";
    private static final LuaScript SEED_IF_NEW = LuaScript.load("seed-if-new");
    private static final LuaScript RESET_TENANT = LuaScript.load("reset-tenant");
    private static final LuaScript FORGET_TENANT = LuaScript.load("forget-tenant");

    private final RedisTransport redis;
    private final StoredJson json;
    private final Clock clock;

    RedisSeeds(RedisTransport redis, StoredJson json, Clock clock) {
        this.redis = redis;
        this.json = json;
        this.clock = clock;
    }

    Uni<Integer> seedIfNew(String tenantId, List<StoredApiKey> seed) {
        List<String> args = new ArrayList<>();
        args.add(newSeedMark());
        for (StoredApiKey key : seed) {
            args.add(key.apiKeyId());
            args.add(json.write(key));
        }
        return registerTenant(tenantId).chain(() -> eval(SEED_IF_NEW, tenantId, args.toArray(String[]::new)))
                .map(answer -> answer.toInteger());
    }

    Uni<Integer> reset(Map<String, List<StoredApiKey>> seedByTenant) {
        return redis.send(Request.cmd(Command.SMEMBERS).arg(TENANTS)).chain(members -> {
            List<String> strangers = new ArrayList<>();
            members.forEach(member -> {
                // workspaces reset on their own
                if (!seedByTenant.containsKey(member.toString()) && !Workspace.isWorkspaceTenant(member.toString())) {
                    strangers.add(member.toString());
                }
            });
            List<Uni<Integer>> steps = new ArrayList<>();
            strangers.forEach(tenantId -> steps.add(eval(FORGET_TENANT, tenantId).map(answer -> 0)));
            seedByTenant.forEach((tenantId, keys) -> steps.add(resetTenant(tenantId, keys)));
            if (steps.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            Uni<Void> forgetStrangers = Uni.createFrom().voidItem();
            if (!strangers.isEmpty()) {
                Request srem = Request.cmd(Command.SREM).arg(TENANTS);
                strangers.forEach(srem::arg);
                forgetStrangers = redis.send(srem).replaceWithVoid();
            }
            Uni<Void> thenForget = forgetStrangers;
            return Uni.join().all(steps).andFailFast()
                    .map(counts -> counts.stream().mapToInt(Integer::intValue).sum())
                    .call(() -> thenForget);
        });
    }

    /** One tenant back to its first seeding (or to {@code keys}, when it has none), with its counters cleared. */
    Uni<Integer> resetTenant(String tenantId, List<StoredApiKey> keys) {
        List<String> args = new ArrayList<>();
        args.add(NcpTime.now(clock).toString());
        args.add(newSeedMark());
        for (StoredApiKey key : keys) {
            args.add(key.apiKeyId());
            args.add(json.write(key));
        }
        return registerTenant(tenantId).chain(() -> eval(RESET_TENANT, tenantId, args.toArray(String[]::new))).map(answer -> answer.toInteger());
    }

    /** Every key, subscription and counter of one tenant gone, and the tenant no longer listed. */
    Uni<Void> forget(String tenantId) {
        return eval(FORGET_TENANT, tenantId).chain(() -> redis.send(Request.cmd(Command.SREM).arg(TENANTS).arg(tenantId))).replaceWithVoid();
    }

    Uni<Optional<String>> seedMark(String tenantId) {
        return redis.send(Request.cmd(Command.GET).arg(TenantSlot.key(tenantId, "seeded")))
                .map(RedisTransport::text);
    }

    /** A seeding's mark: random, so that a replica can tell its tenant was seeded again since it last looked. */
    private static String newSeedMark() {
        return UUID.randomUUID().toString();
    }

    Uni<Void> registerTenant(String tenantId) {
        return redis.send(Request.cmd(Command.SADD).arg(TENANTS).arg(tenantId)).replaceWithVoid();
    }

    private Uni<Response> eval(LuaScript script, String tenantId, String... args) {
        return redis.eval(script, TenantSlot.keys(tenantId), args);
    }
}
