package dev.contractkit.ncp.server.store;

import dev.contractkit.ncp.server.generated.model.KeyType;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * The default store: per-tenant concurrent maps of immutable keys, each change one atomic compute. Every
 * answer is ready at once, so requests never leave the event loop.
 */
public class InMemoryApiKeyStore implements ApiKeyStore {
    private static final Logger LOG = Logger.getLogger(InMemoryApiKeyStore.class);

    private final Map<String, Map<String, StoredApiKey>> keysByTenant = new ConcurrentHashMap<>();
    /** Each seeded tenant's keys as first seeded: what a reset restores. */
    private final Map<String, List<StoredApiKey>> firstSeeds = new ConcurrentHashMap<>();
    /**
     * Per tenant: "apiKeyId/productId" to the subscription. Subscription writes, key deletions and resets hold the
     * store's lock, so a subscription never outlives its key.
     */
    private final Map<String, Map<String, StoredSubscription>> subscriptionsByTenant = new ConcurrentHashMap<>();
    /** Per tenant: key id to its place in creation order (a key put again keeps its place, as in Redis's sorted set). */
    private final Map<String, Map<String, Long>> positionsByTenant = new ConcurrentHashMap<>();
    private final InMemoryGatewayCounters counters = new InMemoryGatewayCounters();
    private final AtomicLong sequence = new AtomicLong();
    private final KeyFactory factory;
    private final Clock clock;

    public InMemoryApiKeyStore(Clock clock) {
        this(clock, new KeyValueGenerator());
    }

    public InMemoryApiKeyStore(Clock clock, KeyValueGenerator generator) {
        this.clock = clock;
        this.factory = new KeyFactory(generator, clock);
    }

    @Override
    public Uni<StoredApiKey> create(String tenantId, String name, String description, String modifier) {
        Map<String, StoredApiKey> keys = keysOf(tenantId);
        StoredApiKey key = factory.firstFree(tenantId, name, description, modifier, candidate -> {
            // the place first: a reader that sees the key can always sort it
            positionsOf(tenantId).putIfAbsent(candidate.apiKeyId(), sequence.incrementAndGet());
            return keys.putIfAbsent(candidate.apiKeyId(), candidate) == null;
        });
        LOG.debugf("created %s", key);
        return Uni.createFrom().item(key);
    }

    @Override
    public Uni<Page<StoredApiKey>> list(String tenantId, String nameContains, long offset, long limit) {
        Map<String, Long> positions = positionsByTenant.getOrDefault(tenantId, Map.of());
        List<StoredApiKey> all = existingKeysOf(tenantId).values().stream()
                .sorted(Comparator.comparingLong(key -> positions.getOrDefault(key.apiKeyId(), Long.MAX_VALUE)))
                .toList();
        return Uni.createFrom().item(Page.of(all, key -> Page.nameContains(key.apiKeyName(), nameContains), offset, limit));
    }

    @Override
    public Uni<Optional<StoredApiKey>> find(String tenantId, String apiKeyId) {
        return Uni.createFrom().item(Optional.ofNullable(existingKeysOf(tenantId).get(apiKeyId)));
    }

    @Override
    public Uni<Optional<StoredApiKey>> update(String tenantId, String apiKeyId, String name, String description, boolean enabled,
            String modifier) {
        return Uni.createFrom().item(change(tenantId, apiKeyId, key -> key.edited(name, description, enabled, modifier, now())));
    }

    @Override
    public Uni<Optional<StoredApiKey>> regenerate(String tenantId, String apiKeyId, KeyType keyType, String modifier) {
        Optional<StoredApiKey> changed = change(tenantId, apiKeyId, key -> keyType == KeyType.PRIMARY
                ? key.withPrimaryKey(factory.keyValue(), modifier, now())
                : key.withSecondaryKey(factory.keyValue(), modifier, now()));
        changed.ifPresent(key -> LOG.debugf("regenerated the %s key of %s", keyType, key));
        return Uni.createFrom().item(changed);
    }

    @Override
    public Uni<Boolean> delete(String tenantId, String apiKeyId) {
        Map<String, StoredApiKey> keys = keysByTenant.get(tenantId);
        if (keys == null) {
            return Uni.createFrom().item(false);
        }
        synchronized (this) {
            boolean deleted = keys.remove(apiKeyId) != null;
            positionsOf(tenantId).remove(apiKeyId);
            if (deleted) {
                subscriptionsByTenant.getOrDefault(tenantId, new HashMap<>()).keySet()
                        .removeIf(slot -> slot.startsWith(StoredSubscription.idPrefix(apiKeyId)));
                counters.forgetKey(tenantId, apiKeyId);
            }
            return Uni.createFrom().item(deleted);
        }
    }

    @Override
    public Uni<List<StoredSubscription>> subscriptions(String tenantId) {
        return Uni.createFrom().item(subscriptionsByTenant.getOrDefault(tenantId, Map.of()).values().stream()
                .sorted(StoredSubscription.OLDEST_FIRST).toList());
    }

    @Override
    public Uni<Optional<StoredSubscription>> subscription(String tenantId, String apiKeyId, String productId) {
        return Uni.createFrom().item(Optional.ofNullable(
                subscriptionsByTenant.getOrDefault(tenantId, Map.of()).get(StoredSubscription.id(apiKeyId, productId))));
    }

    @Override
    public Uni<SubscriptionWrite> writeSubscription(String tenantId, String apiKeyId, String productId, StoredSubscription expected,
            StoredSubscription next) {
        synchronized (this) {
            if (!existingKeysOf(tenantId).containsKey(apiKeyId)) {
                return Uni.createFrom().item(SubscriptionWrite.KEY_MISSING);
            }
            Map<String, StoredSubscription> subscriptions = subscriptionsByTenant.computeIfAbsent(tenantId, id -> new ConcurrentHashMap<>());
            String slot = StoredSubscription.id(apiKeyId, productId);
            if (!Objects.equals(subscriptions.get(slot), expected)) {
                return Uni.createFrom().item(SubscriptionWrite.CHANGED);
            }
            if (next == null) {
                subscriptions.remove(slot);
            } else {
                subscriptions.put(slot, next);
            }
            return Uni.createFrom().item(SubscriptionWrite.DONE);
        }
    }

    @Override
    public Uni<Void> put(StoredApiKey key) {
        putNow(key);
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Integer> seedIfNew(String tenantId, List<StoredApiKey> seed) {
        if (firstSeeds.putIfAbsent(tenantId, List.copyOf(seed)) != null) {
            return Uni.createFrom().item(0);
        }
        seed.forEach(this::putNow);
        return Uni.createFrom().item(seed.size());
    }

    @Override
    public synchronized Uni<Integer> reset(Map<String, List<StoredApiKey>> seedByTenant) {
        // workspaces reset on their own
        perTenant().forEach(byTenant -> byTenant.keySet().removeIf(tenantId -> !Workspace.isWorkspaceTenant(tenantId)));
        firstSeeds.keySet().removeIf(tenantId -> !seedByTenant.containsKey(tenantId) && !Workspace.isWorkspaceTenant(tenantId));
        Instant now = now();
        int seeded = 0;
        for (Map.Entry<String, List<StoredApiKey>> tenant : seedByTenant.entrySet()) {
            List<StoredApiKey> seed = firstSeeds.computeIfAbsent(tenant.getKey(), id -> List.copyOf(tenant.getValue()));
            for (StoredApiKey key : seed) {
                putNow(key.withModTime(now));
            }
            seeded += seed.size();
        }
        return Uni.createFrom().item(seeded);
    }

    @Override
    public synchronized Uni<Integer> resetTenant(String tenantId, List<StoredApiKey> seed) {
        forgetNow(tenantId);
        List<StoredApiKey> first = firstSeeds.computeIfAbsent(tenantId, id -> List.copyOf(seed));
        Instant now = now();
        first.forEach(key -> putNow(key.withModTime(now)));
        return Uni.createFrom().item(first.size());
    }

    @Override
    public synchronized Uni<Void> forget(String tenantId) {
        forgetNow(tenantId);
        firstSeeds.remove(tenantId);
        return Uni.createFrom().voidItem();
    }

    private void forgetNow(String tenantId) {
        perTenant().forEach(byTenant -> byTenant.remove(tenantId));
    }

    /** Every map of this store keyed by tenant. */
    private List<Map<String, ?>> perTenant() {
        return List.of(keysByTenant, positionsByTenant, subscriptionsByTenant, counters.byTenant());
    }

    /** In memory nothing is lost while the process lives: the mark is there once the tenant was seeded. */
    @Override
    public Uni<Optional<String>> seedMark(String tenantId) {
        return Uni.createFrom().item(firstSeeds.containsKey(tenantId) ? Optional.of("in-memory") : Optional.empty());
    }

    @Override
    public synchronized Uni<Admission> admit(String tenantId, GatewayCall call) {
        return Uni.createFrom().item(counters.admit(tenantId, call, existingKeysOf(tenantId), subscriptionsByTenant.getOrDefault(tenantId, Map.of())));
    }

    @Override
    public synchronized Uni<Map<String, Usage>> usage(String tenantId, String apiKeyId, String productId, List<String> stageIds, Instant at) {
        return Uni.createFrom().item(counters.usage(tenantId, apiKeyId, productId, stageIds, at));
    }

    @Override
    public Uni<Boolean> ping() {
        return Uni.createFrom().item(true);
    }

    private void putNow(StoredApiKey key) {
        positionsOf(key.tenantId()).putIfAbsent(key.apiKeyId(), sequence.incrementAndGet());
        keysOf(key.tenantId()).put(key.apiKeyId(), key);
    }

    private Map<String, Long> positionsOf(String tenantId) {
        return positionsByTenant.computeIfAbsent(tenantId, id -> new ConcurrentHashMap<>());
    }

    private Optional<StoredApiKey> change(String tenantId, String apiKeyId, UnaryOperator<StoredApiKey> edit) {
        Map<String, StoredApiKey> keys = keysByTenant.get(tenantId);
        return keys == null ? Optional.empty() : Optional.ofNullable(keys.computeIfPresent(apiKeyId, (id, key) -> edit.apply(key)));
    }

    /** Only writes make a tenant's map: reads of an unknown tenant (any access key, with verification off) leave nothing behind. */
    private Map<String, StoredApiKey> keysOf(String tenantId) {
        return keysByTenant.computeIfAbsent(tenantId, id -> new ConcurrentHashMap<>());
    }

    private Map<String, StoredApiKey> existingKeysOf(String tenantId) {
        return keysByTenant.getOrDefault(tenantId, Map.of());
    }

    /** How many tenants hold keys. */
    int tenantCount() {
        return keysByTenant.size();
    }

    private Instant now() {
        return NcpTime.now(clock);
    }
}
