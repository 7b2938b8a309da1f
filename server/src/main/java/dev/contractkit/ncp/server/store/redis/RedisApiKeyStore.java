package dev.contractkit.ncp.server.store.redis;

import dev.contractkit.ncp.server.store.Admission;
import dev.contractkit.ncp.server.store.ApiKeyStore;
import dev.contractkit.ncp.server.store.GatewayCall;
import dev.contractkit.ncp.server.store.JournalStore;
import dev.contractkit.ncp.server.store.KeyFactory;
import dev.contractkit.ncp.server.store.KeySlot;
import dev.contractkit.ncp.server.store.KeyValueGenerator;
import dev.contractkit.ncp.server.store.NcpTime;
import dev.contractkit.ncp.server.store.Page;
import dev.contractkit.ncp.server.store.StoredApiKey;
import dev.contractkit.ncp.server.store.StoredSubscription;
import dev.contractkit.ncp.server.store.TenantFullException;
import dev.contractkit.ncp.server.store.Usage;
import dev.contractkit.ncp.server.store.WorkspaceStore;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
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
 * API keys in Redis, shared by any number of replicas. Each tenant's data sits under one Redis Cluster hash
 * tag, {@code ncp:{<tenantId>}:...}, so every script touches one slot:
 * <ul>
 *   <li>{@code keys}: a hash, key id to the key as JSON ({@link StoredJson}, without its list position);</li>
 *   <li>{@code order}: a sorted set of key ids scored by creation order, from the counter {@code seq};</li>
 *   <li>{@code subscriptions}: a hash, "keyId/productId" to the subscription as JSON;</li>
 *   <li>{@code usage}: a hash, "keyId/productId/stageId" to the gateway's day and month counters as JSON;
 *       {@code rate}: a hash, "keyId/stageId" to "second:count" of a key's rate window (with "*" for the key id:
 *       the stage's throttle window); both written by {@link RedisGatewayCounters};</li>
 *   <li>{@code seeded}: set once the tenant was seeded; {@code seed}: the list of the keys of that first
 *       seeding, which every reset restores, whichever replica resets.</li>
 * </ul>
 * Every change is one Lua script ({@code src/main/resources/redis/}), so it is atomic across replicas: a
 * regeneration reads, changes and writes the key in one step and answers exactly what it stored. Key values
 * are drawn here, from the same {@link KeyValueGenerator} as in memory, and passed to the script.
 * {@code ncp:tenants} lists the tenants that ever held keys, for a reset of all of them. Commands travel on
 * {@link RedisTransport}; every call gives up after about {@link RedisTransport#TIMEOUT} with
 * {@code StoreUnavailableException}. {@link #close()} ends the transport.
 */
public class RedisApiKeyStore implements ApiKeyStore {
    private static final Logger LOG = Logger.getLogger(RedisApiKeyStore.class);
    private static final LuaScript CREATE = LuaScript.load("create");
    private static final LuaScript LIST = LuaScript.load("list");
    private static final LuaScript EDIT = LuaScript.load("edit");
    private static final LuaScript REGENERATE = LuaScript.load("regenerate");
    private static final LuaScript DELETE = LuaScript.load("delete");
    private static final LuaScript WRITE_SUBSCRIPTION = LuaScript.load("write-subscription");
    private static final LuaScript PUT = LuaScript.load("put");

    private final RedisTransport redis;
    private final Clock clock;
    private final KeyFactory factory;
    private final int maxKeys;
    private final StoredJson json = new StoredJson();
    private final RedisGatewayCounters counters;
    private final RedisSeeds seeds;

    /** With at most {@code maxKeys} keys per tenant (more creations fail with {@link TenantFullException}). */
    public RedisApiKeyStore(Redis redis, Clock clock, KeyValueGenerator generator, int maxKeys) {
        this.maxKeys = maxKeys;
        this.redis = new RedisTransport(redis);
        this.counters = new RedisGatewayCounters(this.redis, json);
        this.seeds = new RedisSeeds(this.redis, json, clock);
        this.clock = clock;
        this.factory = new KeyFactory(generator, clock);
    }

    @Override
    public Uni<Integer> keyCount(String tenantId) {
        return redis.send(Request.cmd(Command.HLEN).arg(key(tenantId, "keys"))).map(Response::toInteger);
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
        return redis.send(Request.cmd(Command.HGET).arg(key(tenantId, "keys")).arg(apiKeyId)).map(this::optionalKey);
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
    public Uni<List<StoredSubscription>> subscriptions(String tenantId) {
        return redis.send(Request.cmd(Command.HVALS).arg(key(tenantId, "subscriptions"))).map(answer -> {
            List<StoredSubscription> all = new ArrayList<>(answer.size());
            answer.forEach(value -> all.add(json.subscription(value.toString())));
            all.sort(StoredSubscription.OLDEST_FIRST);
            return all;
        });
    }

    @Override
    public Uni<Optional<StoredSubscription>> subscription(String tenantId, String apiKeyId, String productId) {
        return redis.send(Request.cmd(Command.HGET).arg(key(tenantId, "subscriptions")).arg(StoredSubscription.id(apiKeyId, productId)))
                .map(answer -> RedisTransport.text(answer).map(json::subscription));
    }

    @Override
    public Uni<SubscriptionWrite> writeSubscription(String tenantId, String apiKeyId, String productId, StoredSubscription expected,
            StoredSubscription next) {
        return eval(WRITE_SUBSCRIPTION, tenantId, apiKeyId, StoredSubscription.id(apiKeyId, productId),
                expected == null ? "" : json.write(expected), next == null ? "" : json.write(next))
                .map(answer -> switch (answer.toInteger()) {
                    case -1 -> SubscriptionWrite.KEY_MISSING;
                    case 0 -> SubscriptionWrite.CHANGED;
                    default -> SubscriptionWrite.DONE;
                });
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

    @Override
    public Uni<Admission> admit(String tenantId, GatewayCall call) {
        return counters.admit(tenantKeys(tenantId), call);
    }

    @Override
    public Uni<Map<String, Usage>> usage(String tenantId, String apiKeyId, String productId, List<String> stageIds, Instant at) {
        return counters.usage(key(tenantId, "usage"), apiKeyId, productId, stageIds, at);
    }

    /** The request journals, on this store's connection: each capped at {@code size}, dropped after {@code idleExpiry} unwritten. */
    public JournalStore journal(int size, java.time.Duration idleExpiry) {
        return new RedisJournalStore(redis, size, idleExpiry);
    }

    /** The workspaces, on this store's connection. */
    public WorkspaceStore workspaces() {
        return new RedisWorkspaceStore(redis);
    }

    @Override
    public Uni<Boolean> ping() {
        return redis.send(Request.cmd(Command.PING)).map(answer -> "PONG".equals(answer.toString()))
                .onFailure().recoverWithItem(false);
    }

    @Override
    public void close() {
        redis.close();
    }

    private Uni<Void> registerTenant(String tenantId) {
        return seeds.registerTenant(tenantId);
    }

    private Uni<Response> eval(LuaScript script, String tenantId, String... args) {
        return redis.eval(script, tenantKeys(tenantId), args);
    }

    /**
     * KEYS of every script, in this order: keys, order, seq, seeded, seed, subscriptions, usage, rate, values (key
     * value to key id: the gateway's index).
     */
    static String[] tenantKeys(String tenantId) {
        return new String[] {key(tenantId, "keys"), key(tenantId, "order"), key(tenantId, "seq"), key(tenantId, "seeded"),
            key(tenantId, "seed"), key(tenantId, "subscriptions"), key(tenantId, "usage"), key(tenantId, "rate"), key(tenantId, "values")};
    }

    static String key(String tenantId, String part) {
        return "ncp:{" + tenantId + "}:" + part;
    }

    private Optional<StoredApiKey> optionalKey(Response answer) {
        return RedisTransport.text(answer).map(json::key);
    }

    private Instant now() {
        return NcpTime.now(clock);
    }
}
