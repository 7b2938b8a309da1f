package dev.contractkit.ncp.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.generated.model.KeyType;
import dev.contractkit.ncp.server.generated.model.SubscriptionStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * API keys in Redis, shared by any number of replicas. Each tenant's data sits under one Redis Cluster hash
 * tag, {@code ncp:{<tenantId>}:...}, so every script touches one slot:
 * <ul>
 *   <li>{@code keys}: a hash, key id to the key as JSON (without its list position);</li>
 *   <li>{@code order}: a sorted set of key ids scored by creation order, from the counter {@code seq};</li>
 *   <li>{@code subscriptions}: a hash, "keyId/productId" to the subscription as JSON;</li>
 *   <li>{@code seeded}: set once the tenant was seeded; {@code seed}: the list of the keys of that first
 *       seeding, which every reset restores, whichever replica resets.</li>
 * </ul>
 * Every change is one Lua script, so it is atomic across replicas: a regeneration reads, changes and writes
 * the key in one step and answers exactly what it stored. Key values are drawn here, from the same
 * {@link KeyValueGenerator} as in memory, and passed to the script. {@code ncp:tenants} lists the tenants
 * that ever held keys, for a reset of all of them. Every call gives up after about {@link #TIMEOUT} with
 * {@link StoreUnavailableException}.
 */
public class RedisApiKeyStore implements ApiKeyStore {
    /** Under the 2 s within which an API call must answer 503 when Redis is gone. */
    static final Duration TIMEOUT = Duration.ofMillis(1200);
    private static final Logger LOG = Logger.getLogger(RedisApiKeyStore.class);
    private static final String TENANTS = "ncp:tenants";
    private static final int MAX_ID_ATTEMPTS = 10;

    private static final Script CREATE = new Script("""
            if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return -1 end
            local seq = redis.call('INCR', KEYS[3])
            redis.call('ZADD', KEYS[2], seq, ARGV[1])
            return seq
            """);
    private static final Script LIST = new Script("""
            local ids = redis.call('ZRANGE', KEYS[2], 0, -1)
            local out = {}
            for i = 1, #ids, 500 do
              local chunk = {}
              for j = i, math.min(i + 499, #ids) do chunk[#chunk + 1] = ids[j] end
              local values = redis.call('HMGET', KEYS[1], unpack(chunk))
              for _, v in ipairs(values) do if v then out[#out + 1] = v end end
            end
            return out
            """);
    private static final Script EDIT = new Script("""
            local v = redis.call('HGET', KEYS[1], ARGV[1])
            if not v then return false end
            local k = cjson.decode(v)
            k.apiKeyName = ARGV[2]
            k.apiKeyDescription = ARGV[3]
            k.enabled = (ARGV[4] == 'true')
            k.modifier = ARGV[5]
            k.modTime = ARGV[6]
            local out = cjson.encode(k)
            redis.call('HSET', KEYS[1], ARGV[1], out)
            return out
            """);
    private static final Script REGENERATE = new Script("""
            local v = redis.call('HGET', KEYS[1], ARGV[1])
            if not v then return false end
            local k = cjson.decode(v)
            k[ARGV[2]] = ARGV[3]
            k.modifier = ARGV[4]
            k.modTime = ARGV[5]
            local out = cjson.encode(k)
            redis.call('HSET', KEYS[1], ARGV[1], out)
            return out
            """);
    /** Deletes a key with its subscriptions. */
    private static final Script DELETE = new Script("""
            local n = redis.call('HDEL', KEYS[1], ARGV[1])
            if n == 1 then
              redis.call('ZREM', KEYS[2], ARGV[1])
              local prefix = ARGV[1] .. '/'
              for _, field in ipairs(redis.call('HKEYS', KEYS[6])) do
                if string.sub(field, 1, #prefix) == prefix then redis.call('HDEL', KEYS[6], field) end
              end
            end
            return n
            """);
    /**
     * ARGV: key id, "keyId/productId", the subscription as last read ('' for none), the new one ('' removes it).
     * Answers -1 when the key is gone, 0 when the subscription changed since it was read, 1 when written.
     */
    private static final Script WRITE_SUBSCRIPTION = new Script("""
            if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return -1 end
            local current = redis.call('HGET', KEYS[6], ARGV[2])
            if (current or '') ~= ARGV[3] then return 0 end
            if ARGV[4] == '' then redis.call('HDEL', KEYS[6], ARGV[2]) else redis.call('HSET', KEYS[6], ARGV[2], ARGV[4]) end
            return 1
            """);
    private static final Script PUT = new Script("""
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            if not redis.call('ZSCORE', KEYS[2], ARGV[1]) then
              redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[1])
            end
            return 1
            """);
    /** ARGV: id1, json1, id2, json2, ... Seeds only a tenant never seeded; keeps a copy for resets. */
    private static final Script SEED_IF_NEW = new Script("""
            if not redis.call('SET', KEYS[4], '1', 'NX') then return 0 end
            redis.call('DEL', KEYS[5])
            for i = 1, #ARGV, 2 do
              redis.call('RPUSH', KEYS[5], ARGV[i + 1])
              redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
              redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[i])
            end
            return #ARGV / 2
            """);
    /**
     * ARGV[1]: the reset time; then id1, json1, ... used only when the tenant has no copy of a first seeding.
     * Forgets the tenant's keys and restores its seed, with the reset time as modTime.
     */
    private static final Script RESET_TENANT = new Script("""
            redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[6])
            if redis.call('EXISTS', KEYS[5]) == 0 then
              for i = 2, #ARGV, 2 do redis.call('RPUSH', KEYS[5], ARGV[i + 1]) end
            end
            redis.call('SET', KEYS[4], '1')
            local seed = redis.call('LRANGE', KEYS[5], 0, -1)
            for _, v in ipairs(seed) do
              local k = cjson.decode(v)
              k.modTime = ARGV[1]
              redis.call('HSET', KEYS[1], k.apiKeyId, cjson.encode(k))
              redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), k.apiKeyId)
            end
            return #seed
            """);
    private static final Script FORGET_TENANT = new Script("""
            return redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6])
            """);

    private final Redis redis;
    /** The one connection every call pipelines on; dropped when it fails, closes or hangs, and made again by the next call. */
    private final AtomicReference<Uni<Pipeline>> pipeline = new AtomicReference<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ncp-redis-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private final Clock clock;
    private final KeyValueGenerator generator;
    private final ObjectMapper json = new ObjectMapper();

    public RedisApiKeyStore(Redis redis, Clock clock) {
        this(redis, clock, new KeyValueGenerator());
    }

    public RedisApiKeyStore(Redis redis, Clock clock, KeyValueGenerator generator) {
        this.redis = redis;
        this.clock = clock;
        this.generator = generator;
        watchdog.scheduleWithFixedDelay(this::watch, 200, 200, TimeUnit.MILLISECONDS);
    }

    @Override
    public Uni<StoredApiKey> create(String tenantId, String name, String description, String modifier) {
        return registerTenant(tenantId).chain(() -> createWithFreshId(tenantId, name, description, modifier, 1));
    }

    private Uni<StoredApiKey> createWithFreshId(String tenantId, String name, String description, String modifier, int attempt) {
        StoredApiKey key = new StoredApiKey(generator.apiKeyId(), tenantId, name, description, generator.keyValue(),
                generator.keyValue(), modifier, true, now(), StoredApiKey.PUBLIC_DOMAIN, 0);
        return eval(CREATE, tenantId, key.apiKeyId(), toJson(key)).chain(answer -> {
            long order = answer.toLong();
            if (order < 0) {
                if (attempt >= MAX_ID_ATTEMPTS) {
                    return Uni.createFrom().failure(new IllegalStateException("no free API-key ID after " + attempt + " draws"));
                }
                return createWithFreshId(tenantId, name, description, modifier, attempt + 1);
            }
            StoredApiKey created = key.inOrder(order);
            LOG.debugf("created %s", created);
            return Uni.createFrom().item(created);
        });
    }

    @Override
    public Uni<ApiKeyPage> list(String tenantId, String nameContains, long offset, long limit) {
        return eval(LIST, tenantId).map(answer -> {
            List<StoredApiKey> all = new ArrayList<>(answer.size());
            for (int i = 0; i < answer.size(); i++) {
                all.add(fromJson(answer.get(i).toString()).inOrder(i + 1L));
            }
            return ApiKeyPage.of(all, nameContains, offset, limit);
        });
    }

    @Override
    public Uni<Optional<StoredApiKey>> find(String tenantId, String apiKeyId) {
        return send(Request.cmd(Command.HGET).arg(key(tenantId, "keys")).arg(apiKeyId)).map(this::optionalKey);
    }

    @Override
    public Uni<Optional<StoredApiKey>> update(String tenantId, String apiKeyId, String name, String description, boolean enabled,
            String modifier) {
        return eval(EDIT, tenantId, apiKeyId, name, description, Boolean.toString(enabled), modifier, now().toString())
                .map(this::optionalKey);
    }

    @Override
    public Uni<Optional<StoredApiKey>> regenerate(String tenantId, String apiKeyId, KeyType keyType, String modifier) {
        String field = keyType == KeyType.PRIMARY ? "primaryKey" : "secondaryKey";
        return eval(REGENERATE, tenantId, apiKeyId, field, generator.keyValue(), modifier, now().toString())
                .map(this::optionalKey)
                .invoke(changed -> changed.ifPresent(key -> LOG.debugf("regenerated the %s key of %s", keyType, key)));
    }

    @Override
    public Uni<Boolean> delete(String tenantId, String apiKeyId) {
        return eval(DELETE, tenantId, apiKeyId).map(answer -> answer.toLong() == 1);
    }

    @Override
    public Uni<Void> put(StoredApiKey key) {
        return registerTenant(key.tenantId()).chain(() -> eval(PUT, key.tenantId(), key.apiKeyId(), toJson(key))).replaceWithVoid();
    }

    @Override
    public Uni<Integer> seedIfNew(String tenantId, List<StoredApiKey> seed) {
        List<String> args = new ArrayList<>();
        for (StoredApiKey key : seed) {
            args.add(key.apiKeyId());
            args.add(toJson(key));
        }
        return registerTenant(tenantId).chain(() -> eval(SEED_IF_NEW, tenantId, args.toArray(String[]::new)))
                .map(answer -> answer.toInteger());
    }

    @Override
    public Uni<Integer> reset(Map<String, List<StoredApiKey>> seedByTenant) {
        return send(Request.cmd(Command.SMEMBERS).arg(TENANTS)).chain(members -> {
            List<String> known = new ArrayList<>();
            members.forEach(member -> known.add(member.toString()));
            List<Uni<Integer>> steps = new ArrayList<>();
            for (String tenantId : known) {
                if (!seedByTenant.containsKey(tenantId)) {
                    steps.add(eval(FORGET_TENANT, tenantId).map(answer -> 0));
                }
            }
            for (Map.Entry<String, List<StoredApiKey>> tenant : seedByTenant.entrySet()) {
                List<String> args = new ArrayList<>();
                args.add(now().toString());
                for (StoredApiKey key : tenant.getValue()) {
                    args.add(key.apiKeyId());
                    args.add(toJson(key));
                }
                steps.add(registerTenant(tenant.getKey())
                        .chain(() -> eval(RESET_TENANT, tenant.getKey(), args.toArray(String[]::new)))
                        .map(answer -> answer.toInteger()));
            }
            if (steps.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            List<String> strangers = known.stream().filter(id -> !seedByTenant.containsKey(id)).toList();
            Uni<Void> forget = Uni.createFrom().voidItem();
            if (!strangers.isEmpty()) {
                Request srem = Request.cmd(Command.SREM).arg(TENANTS);
                strangers.forEach(srem::arg);
                forget = send(srem).replaceWithVoid();
            }
            Uni<Void> forgetStrangers = forget;
            return Uni.join().all(steps).andFailFast()
                    .map(counts -> counts.stream().mapToInt(Integer::intValue).sum())
                    .call(() -> forgetStrangers);
        });
    }

    @Override
    public Uni<List<StoredSubscription>> subscriptions(String tenantId) {
        return send(Request.cmd(Command.HVALS).arg(key(tenantId, "subscriptions"))).map(answer -> {
            List<StoredSubscription> all = new ArrayList<>(answer.size());
            answer.forEach(value -> all.add(subscriptionFromJson(value.toString())));
            all.sort(StoredSubscription.OLDEST_FIRST);
            return all;
        });
    }

    @Override
    public Uni<SubscriptionWrite> writeSubscription(String tenantId, String apiKeyId, String productId, StoredSubscription expected,
            StoredSubscription next) {
        return eval(WRITE_SUBSCRIPTION, tenantId, apiKeyId, apiKeyId + "/" + productId,
                expected == null ? "" : toJson(expected), next == null ? "" : toJson(next))
                .map(answer -> switch (answer.toInteger()) {
                    case -1 -> SubscriptionWrite.KEY_MISSING;
                    case 0 -> SubscriptionWrite.CHANGED;
                    default -> SubscriptionWrite.DONE;
                });
    }

    @Override
    public Uni<Boolean> ping() {
        return send(Request.cmd(Command.PING)).map(answer -> "PONG".equals(answer.toString()))
                .onFailure().recoverWithItem(false);
    }

    // ---- Redis plumbing -------------------------------------------------------------------------------------

    private Uni<Void> registerTenant(String tenantId) {
        return send(Request.cmd(Command.SADD).arg(TENANTS).arg(tenantId)).replaceWithVoid();
    }

    /** Runs a script on the tenant's six keys: by its SHA1 when Redis knows it, else with its text. */
    private Uni<Response> eval(Script script, String tenantId, String... args) {
        String[] keys = {key(tenantId, "keys"), key(tenantId, "order"), key(tenantId, "seq"), key(tenantId, "seeded"), key(tenantId, "seed"),
            key(tenantId, "subscriptions")};
        return send(script.request(Command.EVALSHA, script.sha1, keys, args))
                .onFailure(RedisApiKeyStore::isNoScript).recoverWithUni(() -> send(script.request(Command.EVAL, script.text, keys, args)));
    }

    private static boolean isNoScript(Throwable failure) {
        Throwable cause = failure instanceof StoreUnavailableException ? failure.getCause() : failure;
        return cause != null && String.valueOf(cause.getMessage()).startsWith("NOSCRIPT");
    }

    /**
     * One command on the shared connection: pipelined, so any number of requests are in flight with no pool
     * to wait for. A failure to reach Redis becomes {@link StoreUnavailableException}. No timer per request
     * (one cost a quarter of the throughput): answers come back in the order sent, so the watchdog only looks
     * at the oldest unanswered request of the connection, and closes the connection when it is older than
     * {@link #TIMEOUT}, which fails every request waiting on it.
     */
    private Uni<Response> send(Request request) {
        return pipeline().chain(pipeline -> pipeline.send(request))
                .onFailure(failure -> !(failure instanceof StoreUnavailableException))
                .transform(failure -> new StoreUnavailableException("Redis failed: " + failure.getMessage(), failure));
    }

    private Uni<Pipeline> pipeline() {
        Uni<Pipeline> current = pipeline.get();
        if (current != null) {
            return current;
        }
        AtomicReference<Uni<Pipeline>> self = new AtomicReference<>();
        Uni<Pipeline> fresh = redis.connect()
                .ifNoItem().after(TIMEOUT).failWith(() -> new StoreUnavailableException("Redis did not accept a connection within "
                        + TIMEOUT.toMillis() + " ms", null))
                .map(connection -> {
                    Pipeline made = new Pipeline(connection);
                    connection.exceptionHandler(failure -> drop(self.get()));
                    connection.endHandler(() -> drop(self.get()));
                    return made;
                })
                .onFailure().invoke(failure -> drop(self.get()))
                .memoize().indefinitely();
        self.set(fresh);
        return pipeline.compareAndSet(null, fresh) ? fresh : pipeline();
    }

    private void drop(Uni<Pipeline> gone) {
        pipeline.compareAndSet(gone, null);
    }

    /**
     * Every 200 ms: when the oldest request of the connection has waited longer than {@link #TIMEOUT}, every
     * request waiting on it fails with {@link StoreUnavailableException}, and the connection goes back to the
     * pool (its late answers, if Redis wakes, find no one waiting). The next call takes a fresh connection.
     */
    private void watch() {
        Uni<Pipeline> current = pipeline.get();
        if (current == null) {
            return;
        }
        current.subscribe().with(open -> {
            if (open.oldestWaitNanos() > TIMEOUT.toNanos()) {
                drop(current);
                open.abandon(new StoreUnavailableException("Redis did not answer within " + TIMEOUT.toMillis() + " ms", null));
            }
        }, failure -> { });
    }

    /** A connection and its unanswered requests, oldest first (Redis answers in the order asked). */
    private static final class Pipeline {
        private final RedisConnection connection;
        private final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();

        Pipeline(RedisConnection connection) {
            this.connection = connection;
        }

        Uni<Response> send(Request request) {
            return Uni.createFrom().emitter(emitter -> {
                Waiting entry = new Waiting(System.nanoTime(), emitter);
                waiting.add(entry);
                connection.send(request).subscribe().with(
                        answer -> {
                            waiting.remove(entry);
                            emitter.complete(answer);
                        },
                        failure -> {
                            waiting.remove(entry);
                            emitter.fail(failure);
                        });
            });
        }

        long oldestWaitNanos() {
            Waiting oldest = waiting.peek();
            return oldest == null ? 0 : System.nanoTime() - oldest.sentAt();
        }

        void abandon(StoreUnavailableException failure) {
            for (Waiting entry = waiting.poll(); entry != null; entry = waiting.poll()) {
                entry.emitter().fail(failure);
            }
            connection.close().subscribe().with(done -> { }, ignored -> { });
        }

        private record Waiting(long sentAt, io.smallrye.mutiny.subscription.UniEmitter<? super Response> emitter) {
        }
    }

    static String key(String tenantId, String part) {
        return "ncp:{" + tenantId + "}:" + part;
    }

    private Optional<StoredApiKey> optionalKey(Response answer) {
        return answer == null || answer.type() == ResponseType.BULK && answer.toBuffer() == null
                ? Optional.empty()
                : Optional.of(fromJson(answer.toString()));
    }

    private String toJson(StoredApiKey key) {
        try {
            return json.writeValueAsString(new KeyJson(key.apiKeyId(), key.tenantId(), key.apiKeyName(), key.apiKeyDescription(),
                    key.primaryKey(), key.secondaryKey(), key.modifier(), key.enabled(), key.modTime().toString(), key.domainCode()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a key as JSON", e);
        }
    }

    private String toJson(StoredSubscription subscription) {
        try {
            return json.writeValueAsString(new SubscriptionJson(subscription.apiKeyId(), subscription.productId(),
                    subscription.status().name(), subscription.regTime().toString(), subscription.modTime().toString(),
                    new java.util.TreeMap<>(subscription.usagePlans())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a subscription as JSON", e);
        }
    }

    private StoredSubscription subscriptionFromJson(String text) {
        try {
            SubscriptionJson s = json.readValue(text, SubscriptionJson.class);
            return new StoredSubscription(s.apiKeyId(), s.productId(), SubscriptionStatus.valueOf(s.status()), Instant.parse(s.regTime()),
                    Instant.parse(s.modTime()), s.usagePlans());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored subscription is not the JSON this store writes", e);
        }
    }

    /** A subscription as stored: fields in a fixed order and plans sorted, so equal subscriptions are equal strings. */
    private record SubscriptionJson(String apiKeyId, String productId, String status, String regTime, String modTime,
            java.util.TreeMap<String, String> usagePlans) {
    }

    private StoredApiKey fromJson(String text) {
        try {
            KeyJson k = json.readValue(text, KeyJson.class);
            return new StoredApiKey(k.apiKeyId(), k.tenantId(), k.apiKeyName(), k.apiKeyDescription(), k.primaryKey(), k.secondaryKey(),
                    k.modifier(), k.enabled(), Instant.parse(k.modTime()), k.domainCode(), 0);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored key is not the JSON this store writes", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** A key as stored in Redis: every field but the list position, which the sorted set keeps. */
    record KeyJson(String apiKeyId, String tenantId, String apiKeyName, String apiKeyDescription, String primaryKey,
            String secondaryKey, String modifier, boolean enabled, String modTime, String domainCode) {
    }

    /** A Lua script and its SHA1, for EVALSHA. */
    private static final class Script {
        final String text;
        final String sha1;

        Script(String text) {
            this.text = text;
            try {
                this.sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        Request request(Command command, String scriptOrSha, String[] keys, String[] args) {
            Request request = Request.cmd(command).arg(scriptOrSha).arg(keys.length);
            for (String key : keys) {
                request.arg(key);
            }
            for (String arg : args) {
                request.arg(arg);
            }
            return request;
        }
    }
}
