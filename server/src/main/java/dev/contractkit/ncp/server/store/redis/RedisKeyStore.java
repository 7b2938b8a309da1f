package dev.contractkit.ncp.server.store.redis;

import dev.contractkit.ncp.server.store.KeyStore;
import dev.contractkit.ncp.server.store.KeyFactory;
import dev.contractkit.ncp.server.store.KeySlot;
import dev.contractkit.ncp.server.store.KeyValueGenerator;
import dev.contractkit.ncp.server.store.NcpTime;
import dev.contractkit.ncp.server.store.Page;
import dev.contractkit.ncp.server.store.StoredApiKey;
import dev.contractkit.ncp.server.store.StoredSubscription;
import dev.contractkit.ncp.server.store.TenantFullException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * API keys in Redis, shared by any number of replicas. Each tenant's data sits in its {@link TenantSlot}:
 * <ul>
 *   <li>{@code keys}: a hash, key id to the key as JSON ({@link StoredJson}, without its list position);</li>
 *   <li>{@code order}: a sorted set of key ids scored by creation order, from the counter {@code seq};</li>
 *   <li>{@code values}: a hash, key value to key id (the gateway's index);</li>
 *   <li>{@code seeded}: set once the tenant was seeded; {@code seed}: the list of the keys of that first
 *       seeding, which every reset restores, whichever replica resets.</li>
 * </ul>
 * Every change is one Lua script ({@code src/main/resources/redis/}), so it is atomic across replicas: a
 * regeneration reads, changes and writes the key in one step and answers exactly what it stored, and a deletion
 * removes the key's subscriptions and counters in the same step. Key values are drawn here, from the same
 * {@link KeyValueGenerator} as in memory, and passed to the script. {@code ncp:tenants} lists the tenants that
 * ever held keys, for a reset of all of them.
 */
final class RedisKeyStore implements KeyStore {
    private static final Logger LOG = Logger.getLogger(RedisKeyStore.class);
    private static final LuaScript CREATE = LuaScript.load("create");
    private static final LuaScript LIST = LuaScript.load("list");
    private static final LuaScript EDIT = LuaScript.load("edit");
    private static final LuaScript REGENERATE = LuaScript.load("regenerate");
    private static final LuaScript DELETE = LuaScript.load("delete");
    private static final LuaScript PUT = LuaScript.load("put");

    private final RedisTransport redis;
    private final Clock clock;
    private final KeyFactory factory;
    private final int maxKeys;
    private final StoredJson json;
    private final RedisSeeds seeds;

    /** With at most {@code maxKeys} keys per tenant (more creations fail with {@link TenantFullException}). */
    RedisKeyStore(RedisTransport redis, StoredJson json, Clock clock, KeyValueGenerator generator, int maxKeys) {
        this.maxKeys = maxKeys;
        this.redis = redis;
        this.json = json;
        this.seeds = new RedisSeeds(redis, json, clock);
        this.clock = clock;
        this.factory = new KeyFactory(generator, clock);
    }

    @Override
    public Uni<Integer> keyCount(String tenantId) {
        return redis.send(Request.cmd(Command.HLEN).arg(TenantSlot.key(tenantId, "keys"))).map(Response::toInteger);
    }

    @Override
    public Uni<StoredApiKey> create(String tenantId, String name, String description, String modifier) {
        return registerTenant(tenantId).chain(() -> createWithFreshId(tenantId, name, description, modifier, 1));
    }

    private Uni<StoredApiKey> createWithFreshId(String tenantId, String name, String description, String modifier, int attempt) {
        StoredApiKey key = factory.fresh(tenantId, name, description, modifier);
        return eval(CREATE, tenantId, key.apiKeyId(), json.write(key), Integer.toString(maxKeys)).chain(answer -> {
            if (answer.toLong() == -2) {
                return Uni.createFrom().failure(new TenantFullException(maxKeys));
            }
            if (answer.toLong() < 0) {
                if (attempt >= KeyFactory.MAX_ID_ATTEMPTS) {
                    return Uni.createFrom().failure(KeyFactory.noFreeId(attempt));
                }
                return createWithFreshId(tenantId, name, description, modifier, attempt + 1);
            }
            LOG.debugf("created %s", key);
            return Uni.createFrom().item(key);
        });
    }

    @Override
    public Uni<Page<StoredApiKey>> list(String tenantId, String nameContains, long offset, long limit) {
        // reading every key of the tenant grows with it (up to ncp.mock.tenant-max-keys), so off the event loop
        return eval(LIST, tenantId).emitOn(Infrastructure.getDefaultWorkerPool()).map(answer -> {
            List<StoredApiKey> all = new ArrayList<>(answer.size());
            for (int i = 0; i < answer.size(); i++) {
                all.add(json.key(answer.get(i).toString()));
            }
            return Page.of(all, key -> Page.nameContains(key.apiKeyName(), nameContains), offset, limit);
        });
    }

    @Override
    public Uni<Optional<StoredApiKey>> find(String tenantId, String apiKeyId) {
        return redis.send(Request.cmd(Command.HGET).arg(TenantSlot.key(tenantId, "keys")).arg(apiKeyId)).map(this::optionalKey);
    }

    @Override
    public Uni<Optional<StoredApiKey>> update(String tenantId, String apiKeyId, String name, String description, boolean enabled,
            String modifier) {
        return eval(EDIT, tenantId, apiKeyId, name, description, Boolean.toString(enabled), modifier, now().toString())
                .map(this::optionalKey);
    }

    @Override
    public Uni<Optional<StoredApiKey>> regenerate(String tenantId, String apiKeyId, KeySlot slot, String modifier) {
        String field = StoredJson.valueField(slot);
        return eval(REGENERATE, tenantId, apiKeyId, field, factory.keyValue(), modifier, now().toString())
                .map(this::optionalKey)
                .invoke(changed -> changed.ifPresent(key -> LOG.debugf("regenerated the %s key of %s", slot, key)));
    }

    @Override
    public Uni<Boolean> delete(String tenantId, String apiKeyId) {
        return eval(DELETE, tenantId, apiKeyId, StoredSubscription.idPrefix(apiKeyId)).map(answer -> answer.toLong() == 1);
    }

    @Override
    public Uni<Void> put(StoredApiKey key) {
        return registerTenant(key.tenantId()).chain(() -> eval(PUT, key.tenantId(), key.apiKeyId(), json.write(key))).replaceWithVoid();
    }

    @Override
    public Uni<Integer> seedIfNew(String tenantId, List<StoredApiKey> seed) {
        return seeds.seedIfNew(tenantId, seed);
    }

    @Override
    public Uni<Integer> reset(Map<String, List<StoredApiKey>> seedByTenant) {
        return seeds.reset(seedByTenant);
    }

    @Override
    public Uni<Integer> resetTenant(String tenantId, List<StoredApiKey> seed) {
        return seeds.resetTenant(tenantId, seed);
    }

    @Override
    public Uni<Void> forget(String tenantId) {
        return seeds.forget(tenantId);
    }

    @Override
    public Uni<Optional<String>> seedMark(String tenantId) {
        return seeds.seedMark(tenantId);
    }

    private Uni<Void> registerTenant(String tenantId) {
        return seeds.registerTenant(tenantId);
    }

    private Uni<Response> eval(LuaScript script, String tenantId, String... args) {
        return redis.eval(script, TenantSlot.keys(tenantId), args);
    }

    private Optional<StoredApiKey> optionalKey(Response answer) {
        return RedisTransport.text(answer).map(json::key);
    }

    private Instant now() {
        return NcpTime.now(clock);
    }
}
