package dev.contractkit.ncp.server.store.redis;

import dev.contractkit.ncp.server.generated.model.KeyType;
import dev.contractkit.ncp.server.store.ApiKeyStore;
import dev.contractkit.ncp.server.store.KeyFactory;
import dev.contractkit.ncp.server.store.KeyValueGenerator;
import dev.contractkit.ncp.server.store.NcpTime;
import dev.contractkit.ncp.server.store.Page;
import dev.contractkit.ncp.server.store.StoredApiKey;
import dev.contractkit.ncp.server.store.StoredSubscription;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * API keys in Redis, shared by any number of replicas. Each tenant's data sits under one Redis Cluster hash
 * tag, {@code ncp:{<tenantId>}:...}, so every script touches one slot:
 * <ul>
 *   <li>{@code keys}: a hash, key id to the key as JSON ({@link StoredJson}, without its list position);</li>
 *   <li>{@code order}: a sorted set of key ids scored by creation order, from the counter {@code seq};</li>
 *   <li>{@code subscriptions}: a hash, "keyId/productId" to the subscription as JSON;</li>
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
    private static final String TENANTS = "ncp:tenants";
    private static final LuaScript CREATE = LuaScript.load("create");
    private static final LuaScript LIST = LuaScript.load("list");
    private static final LuaScript EDIT = LuaScript.load("edit");
    private static final LuaScript REGENERATE = LuaScript.load("regenerate");
    private static final LuaScript DELETE = LuaScript.load("delete");
    private static final LuaScript WRITE_SUBSCRIPTION = LuaScript.load("write-subscription");
    private static final LuaScript PUT = LuaScript.load("put");
    private static final LuaScript SEED_IF_NEW = LuaScript.load("seed-if-new");
    private static final LuaScript RESET_TENANT = LuaScript.load("reset-tenant");
    private static final LuaScript FORGET_TENANT = LuaScript.load("forget-tenant");

    private final RedisTransport redis;
    private final Clock clock;
    private final KeyFactory factory;
    private final StoredJson json = new StoredJson();

    public RedisApiKeyStore(Redis redis, Clock clock) {
        this(redis, clock, new KeyValueGenerator());
    }

    public RedisApiKeyStore(Redis redis, Clock clock, KeyValueGenerator generator) {
        this.redis = new RedisTransport(redis);
        this.clock = clock;
        this.factory = new KeyFactory(generator, clock);
    }

    @Override
    public Uni<StoredApiKey> create(String tenantId, String name, String description, String modifier) {
        return registerTenant(tenantId).chain(() -> createWithFreshId(tenantId, name, description, modifier, 1));
    }

    private Uni<StoredApiKey> createWithFreshId(String tenantId, String name, String description, String modifier, int attempt) {
        StoredApiKey key = factory.fresh(tenantId, name, description, modifier);
        return eval(CREATE, tenantId, key.apiKeyId(), json.write(key)).chain(answer -> {
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
        return eval(LIST, tenantId).map(answer -> {
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
    public Uni<Optional<StoredApiKey>> regenerate(String tenantId, String apiKeyId, KeyType keyType, String modifier) {
        String field = StoredJson.valueField(keyType);
        return eval(REGENERATE, tenantId, apiKeyId, field, factory.keyValue(), modifier, now().toString())
                .map(this::optionalKey)
                .invoke(changed -> changed.ifPresent(key -> LOG.debugf("regenerated the %s key of %s", keyType, key)));
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
        List<String> args = new ArrayList<>();
        args.add(newSeedMark());
        for (StoredApiKey key : seed) {
            args.add(key.apiKeyId());
            args.add(json.write(key));
        }
        return registerTenant(tenantId).chain(() -> eval(SEED_IF_NEW, tenantId, args.toArray(String[]::new)))
                .map(answer -> answer.toInteger());
    }

    @Override
    public Uni<Integer> reset(Map<String, List<StoredApiKey>> seedByTenant) {
        return redis.send(Request.cmd(Command.SMEMBERS).arg(TENANTS)).chain(members -> {
            List<String> strangers = new ArrayList<>();
            members.forEach(member -> {
                if (!seedByTenant.containsKey(member.toString())) {
                    strangers.add(member.toString());
                }
            });
            List<Uni<Integer>> steps = new ArrayList<>();
            strangers.forEach(tenantId -> steps.add(eval(FORGET_TENANT, tenantId).map(answer -> 0)));
            for (Map.Entry<String, List<StoredApiKey>> tenant : seedByTenant.entrySet()) {
                List<String> args = new ArrayList<>();
                args.add(now().toString());
                args.add(newSeedMark());
                for (StoredApiKey key : tenant.getValue()) {
                    args.add(key.apiKeyId());
                    args.add(json.write(key));
                }
                steps.add(registerTenant(tenant.getKey())
                        .chain(() -> eval(RESET_TENANT, tenant.getKey(), args.toArray(String[]::new)))
                        .map(answer -> answer.toInteger()));
            }
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
                .map(answer -> answer == null || answer.type() == ResponseType.BULK && answer.toBuffer() == null
                        ? Optional.empty()
                        : Optional.of(json.subscription(answer.toString())));
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
    public Uni<Optional<String>> seedMark(String tenantId) {
        return redis.send(Request.cmd(Command.GET).arg(key(tenantId, "seeded")))
                .map(answer -> answer == null || answer.type() == ResponseType.BULK && answer.toBuffer() == null
                        ? Optional.empty()
                        : Optional.of(answer.toString()));
    }

    /** A seeding's mark: random, so that a replica can tell its tenant was seeded again since it last looked. */
    private static String newSeedMark() {
        return UUID.randomUUID().toString();
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
        return redis.send(Request.cmd(Command.SADD).arg(TENANTS).arg(tenantId)).replaceWithVoid();
    }

    private Uni<Response> eval(LuaScript script, String tenantId, String... args) {
        return redis.eval(script, tenantKeys(tenantId), args);
    }

    /** KEYS of every script, in this order: keys, order, seq, seeded, seed, subscriptions. */
    static String[] tenantKeys(String tenantId) {
        return new String[] {key(tenantId, "keys"), key(tenantId, "order"), key(tenantId, "seq"), key(tenantId, "seeded"),
            key(tenantId, "seed"), key(tenantId, "subscriptions")};
    }

    static String key(String tenantId, String part) {
        return "ncp:{" + tenantId + "}:" + part;
    }

    private Optional<StoredApiKey> optionalKey(Response answer) {
        return answer == null || answer.type() == ResponseType.BULK && answer.toBuffer() == null
                ? Optional.empty()
                : Optional.of(json.key(answer.toString()));
    }

    private Instant now() {
        return NcpTime.now(clock);
    }
}
