package dev.contractkit.ncp.server.store;

import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * The default store: each tenant's keys (in creation order), the index of their values, its subscriptions and
 * its gateway counters, under that tenant's own lock, so that one busy or large tenant never waits on another.
 * Every answer is ready at once, so requests never leave the event loop; what grows with a tenant (a list
 * copies its keys, a reset seeds them) grows only to {@code ncp.mock.tenant-max-keys}.
 */
public class InMemoryApiKeyStore implements ApiKeyStore {
    private static final Logger LOG = Logger.getLogger(InMemoryApiKeyStore.class);

    /** One tenant's data; every read and change holds its monitor. */
    private static final class Tenant {
        /** By id, in creation order: a key put again keeps its place, as in Redis's sorted set. */
        final LinkedHashMap<String, StoredApiKey> keys = new LinkedHashMap<>();
        /** Key value (primary or secondary) to key id: how the gateway finds a key without looking at every one. */
        final Map<String, String> idByValue = new HashMap<>();
        /** "apiKeyId/productId" to the subscription: a subscription never outlives its key. */
        final Map<String, StoredSubscription> subscriptions = new HashMap<>();
        final UsageLedger ledger = new UsageLedger();

        void put(StoredApiKey key) {
            StoredApiKey before = keys.put(key.apiKeyId(), key);
            if (before != null) {
                unindex(before);
            }
            index(key);
        }

        StoredApiKey remove(String apiKeyId) {
            StoredApiKey gone = keys.remove(apiKeyId);
            if (gone != null) {
                unindex(gone);
                subscriptions.keySet().removeIf(slot -> slot.startsWith(StoredSubscription.idPrefix(apiKeyId)));
                ledger.forget(apiKeyId);
            }
            return gone;
        }

        private void index(StoredApiKey key) {
            idByValue.put(key.primaryKey(), key.apiKeyId());
            idByValue.put(key.secondaryKey(), key.apiKeyId());
        }

        private void unindex(StoredApiKey key) {
            idByValue.remove(key.primaryKey(), key.apiKeyId());
            idByValue.remove(key.secondaryKey(), key.apiKeyId());
        }
    }

    private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
    /** Each seeded tenant's keys as first seeded: what a reset restores. */
    private final Map<String, List<StoredApiKey>> firstSeeds = new ConcurrentHashMap<>();
    private final KeyFactory factory;
    private final Clock clock;
    private final int maxKeys;

    /** With at most {@code maxKeys} keys per tenant (more creations fail with {@link TenantFullException}). */
    public InMemoryApiKeyStore(Clock clock, KeyValueGenerator generator, int maxKeys) {
        this.clock = clock;
        this.factory = new KeyFactory(generator, clock);
        this.maxKeys = maxKeys;
    }

    @Override
    public Uni<StoredApiKey> create(String tenantId, String name, String description, String modifier) {
        Tenant tenant = tenantOf(tenantId);
        StoredApiKey key;
        synchronized (tenant) {
            if (tenant.keys.size() >= maxKeys) {
                return Uni.createFrom().failure(new TenantFullException(maxKeys));
            }
            key = factory.firstFree(tenantId, name, description, modifier, candidate -> {
                if (tenant.keys.containsKey(candidate.apiKeyId())) {
                    return false;
                }
                tenant.put(candidate);
                return true;
            });
        }
        LOG.debugf("created %s", key);
        return Uni.createFrom().item(key);
    }

    @Override
    public Uni<Integer> keyCount(String tenantId) {
        return Uni.createFrom().item(read(tenantId, tenant -> tenant.keys.size(), 0));
    }

    @Override
    public Uni<Page<StoredApiKey>> list(String tenantId, String nameContains, long offset, long limit) {
        return Uni.createFrom().item(read(tenantId,
                tenant -> Page.of(tenant.keys.values(), key -> Page.nameContains(key.apiKeyName(), nameContains), offset, limit),
                new Page<>(List.of(), 0, 0)));
    }

    @Override
    public Uni<Optional<StoredApiKey>> find(String tenantId, String apiKeyId) {
        return Uni.createFrom().item(Optional.ofNullable(read(tenantId, tenant -> tenant.keys.get(apiKeyId), null)));
    }

    @Override
    public Uni<Optional<StoredApiKey>> update(String tenantId, String apiKeyId, String name, String description, boolean enabled,
            String modifier) {
        return Uni.createFrom().item(change(tenantId, apiKeyId, key -> key.edited(name, description, enabled, modifier, now())));
    }

    @Override
    public Uni<Optional<StoredApiKey>> regenerate(String tenantId, String apiKeyId, KeySlot slot, String modifier) {
        Optional<StoredApiKey> changed = change(tenantId, apiKeyId, key -> slot == KeySlot.PRIMARY
                ? key.withPrimaryKey(factory.keyValue(), modifier, now())
                : key.withSecondaryKey(factory.keyValue(), modifier, now()));
        changed.ifPresent(key -> LOG.debugf("regenerated the %s key of %s", slot, key));
        return Uni.createFrom().item(changed);
    }

    @Override
    public Uni<Boolean> delete(String tenantId, String apiKeyId) {
        Tenant tenant = tenants.get(tenantId);
        if (tenant == null) {
            return Uni.createFrom().item(false);
        }
        synchronized (tenant) {
            return Uni.createFrom().item(tenant.remove(apiKeyId) != null);
        }
    }

    @Override
    public Uni<List<StoredSubscription>> subscriptions(String tenantId) {
        return Uni.createFrom().item(read(tenantId, tenant -> tenant.subscriptions.values().stream().sorted(StoredSubscription.OLDEST_FIRST).toList(),
                List.of()));
    }

    @Override
    public Uni<Optional<StoredSubscription>> subscription(String tenantId, String apiKeyId, String productId) {
        return Uni.createFrom().item(Optional.ofNullable(read(tenantId, tenant -> tenant.subscriptions.get(StoredSubscription.id(apiKeyId, productId)),
                null)));
    }

    @Override
    public Uni<SubscriptionWrite> writeSubscription(String tenantId, String apiKeyId, String productId, StoredSubscription expected,
            StoredSubscription next) {
        Tenant tenant = tenants.get(tenantId);
        if (tenant == null) {
            return Uni.createFrom().item(SubscriptionWrite.KEY_MISSING);
        }
        synchronized (tenant) {
            if (!tenant.keys.containsKey(apiKeyId)) {
                return Uni.createFrom().item(SubscriptionWrite.KEY_MISSING);
            }
            String slot = StoredSubscription.id(apiKeyId, productId);
            if (!Objects.equals(tenant.subscriptions.get(slot), expected)) {
                return Uni.createFrom().item(SubscriptionWrite.CHANGED);
            }
            if (next == null) {
                tenant.subscriptions.remove(slot);
            } else {
                tenant.subscriptions.put(slot, next);
            }
            return Uni.createFrom().item(SubscriptionWrite.DONE);
        }
    }

    @Override
    public Uni<Void> put(StoredApiKey key) {
        Tenant tenant = tenantOf(key.tenantId());
        synchronized (tenant) {
            tenant.put(key);
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Integer> seedIfNew(String tenantId, List<StoredApiKey> seed) {
        if (firstSeeds.putIfAbsent(tenantId, List.copyOf(seed)) != null) {
            return Uni.createFrom().item(0);
        }
        Tenant tenant = tenantOf(tenantId);
        synchronized (tenant) {
            seed.forEach(tenant::put);
        }
        return Uni.createFrom().item(seed.size());
    }

    @Override
    public Uni<Integer> reset(Map<String, List<StoredApiKey>> seedByTenant) {
        // workspaces reset on their own; every other tenant starts again from a fresh state
        tenants.keySet().removeIf(tenantId -> !Workspace.isWorkspaceTenant(tenantId));
        firstSeeds.keySet().removeIf(tenantId -> !seedByTenant.containsKey(tenantId) && !Workspace.isWorkspaceTenant(tenantId));
        Instant now = now();
        int seeded = 0;
        for (Map.Entry<String, List<StoredApiKey>> entry : seedByTenant.entrySet()) {
            List<StoredApiKey> seed = firstSeeds.computeIfAbsent(entry.getKey(), id -> List.copyOf(entry.getValue()));
            seeded += restore(entry.getKey(), seed, now);
        }
        return Uni.createFrom().item(seeded);
    }

    @Override
    public Uni<Integer> resetTenant(String tenantId, List<StoredApiKey> seed) {
        List<StoredApiKey> first = firstSeeds.computeIfAbsent(tenantId, id -> List.copyOf(seed));
        return Uni.createFrom().item(restore(tenantId, first, now()));
    }

    /** The tenant's data replaced at once by its seed (a reader sees the old state or the new one, never a mix). */
    private int restore(String tenantId, List<StoredApiKey> seed, Instant now) {
        Tenant fresh = new Tenant();
        seed.forEach(key -> fresh.put(key.withModTime(now)));
        tenants.put(tenantId, fresh);
        return seed.size();
    }

    @Override
    public Uni<Void> forget(String tenantId) {
        tenants.remove(tenantId);
        firstSeeds.remove(tenantId);
        return Uni.createFrom().voidItem();
    }

    /** In memory nothing is lost while the process lives: the mark is there once the tenant was seeded. */
    @Override
    public Uni<Optional<String>> seedMark(String tenantId) {
        return Uni.createFrom().item(firstSeeds.containsKey(tenantId) ? Optional.of("in-memory") : Optional.empty());
    }

    /** Finds the key by its value in the tenant's index (never a scan of its keys), then checks and counts the call. */
    @Override
    public Uni<Admission> admit(String tenantId, GatewayCall call) {
        Tenant tenant = tenants.get(tenantId);
        if (tenant == null) {
            return Uni.createFrom().item(Admission.unknown());
        }
        synchronized (tenant) {
            String apiKeyId = tenant.idByValue.get(call.keyValue());
            StoredApiKey key = apiKeyId == null ? null : tenant.keys.get(apiKeyId);
            return Uni.createFrom().item(key == null ? Admission.unknown() : tenant.ledger.admit(call, List.of(key), tenant.subscriptions));
        }
    }

    @Override
    public Uni<Map<String, Usage>> usage(String tenantId, String apiKeyId, String productId, List<String> stageIds, Instant at) {
        return Uni.createFrom().item(read(tenantId, tenant -> tenant.ledger.usage(apiKeyId, productId, stageIds, at),
                new UsageLedger().usage(apiKeyId, productId, stageIds, at)));
    }

    @Override
    public Uni<Boolean> ping() {
        return Uni.createFrom().item(true);
    }

    private Optional<StoredApiKey> change(String tenantId, String apiKeyId, UnaryOperator<StoredApiKey> edit) {
        Tenant tenant = tenants.get(tenantId);
        if (tenant == null) {
            return Optional.empty();
        }
        synchronized (tenant) {
            StoredApiKey key = tenant.keys.get(apiKeyId);
            if (key == null) {
                return Optional.empty();
            }
            StoredApiKey changed = edit.apply(key);
            tenant.put(changed);
            return Optional.of(changed);
        }
    }

    /** A read under the tenant's lock; {@code none} when the tenant holds nothing. */
    private <T> T read(String tenantId, Function<Tenant, T> reading, T none) {
        Tenant tenant = tenants.get(tenantId);
        if (tenant == null) {
            return none;
        }
        synchronized (tenant) {
            return reading.apply(tenant);
        }
    }

    /** Only writes make a tenant: reads of an unknown tenant (any access key, with verification off) leave nothing behind. */
    private Tenant tenantOf(String tenantId) {
        return tenants.computeIfAbsent(tenantId, id -> new Tenant());
    }

    private Instant now() {
        return NcpTime.now(clock);
    }
}
