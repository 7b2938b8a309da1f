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
 * The default store: each tenant's keys in creation order and the index of their values, under the tenant's
 * lock ({@link InMemoryTenants}). Every answer is ready at once, so requests never leave the event loop; what
 * grows with a tenant (a list copies its keys, a reset seeds them) grows only to {@code ncp.mock.tenant-max-keys}.
 */
final class InMemoryKeyStore implements KeyStore {
    private static final Logger LOG = Logger.getLogger(InMemoryKeyStore.class);

    private final InMemoryTenants tenants;
    private final KeyFactory factory;
    private final Clock clock;
    private final int maxKeys;

    /** With at most {@code maxKeys} keys per tenant (more creations fail with {@link TenantFullException}). */
    InMemoryKeyStore(InMemoryTenants tenants, Clock clock, KeyValueGenerator generator, int maxKeys) {
        this.tenants = tenants;
        this.clock = clock;
        this.factory = new KeyFactory(generator, clock);
        this.maxKeys = maxKeys;
    }

    @Override
    public Uni<StoredApiKey> create(String tenantId, String name, String description, String modifier) {
        InMemoryTenants.Tenant tenant = tenants.forWriting(tenantId);
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
        return Uni.createFrom().item(tenants.underLock(tenantId, tenant -> tenant.keys.size(), 0));
    }

    @Override
    public Uni<Page<StoredApiKey>> list(String tenantId, String nameContains, long offset, long limit) {
        return Uni.createFrom().item(tenants.underLock(tenantId,
                tenant -> Page.of(tenant.keys.values(), key -> Page.nameContains(key.apiKeyName(), nameContains), offset, limit),
                new Page<>(List.of(), 0, 0)));
    }

    @Override
    public Uni<Optional<StoredApiKey>> find(String tenantId, String apiKeyId) {
        return Uni.createFrom().item(Optional.ofNullable(tenants.underLock(tenantId, tenant -> tenant.keys.get(apiKeyId), null)));
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
        InMemoryTenants.Tenant tenant = tenants.byId.get(tenantId);
        if (tenant == null) {
            return Uni.createFrom().item(false);
        }
        synchronized (tenant) {
            return Uni.createFrom().item(tenant.remove(apiKeyId) != null);
        }
    }

    @Override
    public Uni<Void> put(StoredApiKey key) {
        InMemoryTenants.Tenant tenant = tenants.forWriting(key.tenantId());
        synchronized (tenant) {
            tenant.put(key);
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Integer> seedIfNew(String tenantId, List<StoredApiKey> seed) {
        if (tenants.firstSeeds.putIfAbsent(tenantId, List.copyOf(seed)) != null) {
            return Uni.createFrom().item(0);
        }
        InMemoryTenants.Tenant tenant = tenants.forWriting(tenantId);
        synchronized (tenant) {
            seed.forEach(tenant::put);
        }
        return Uni.createFrom().item(seed.size());
    }

    @Override
    public Uni<Integer> reset(Map<String, List<StoredApiKey>> seedByTenant) {
        // workspaces reset on their own; every other tenant starts again from a fresh state
        tenants.byId.keySet().removeIf(tenantId -> !Workspace.isWorkspaceTenant(tenantId));
        tenants.firstSeeds.keySet().removeIf(tenantId -> !seedByTenant.containsKey(tenantId) && !Workspace.isWorkspaceTenant(tenantId));
        Instant now = now();
        int seeded = 0;
        for (Map.Entry<String, List<StoredApiKey>> entry : seedByTenant.entrySet()) {
            List<StoredApiKey> seed = tenants.firstSeeds.computeIfAbsent(entry.getKey(), id -> List.copyOf(entry.getValue()));
            seeded += restore(entry.getKey(), seed, now);
        }
        return Uni.createFrom().item(seeded);
    }

    @Override
    public Uni<Integer> resetTenant(String tenantId, List<StoredApiKey> seed) {
        List<StoredApiKey> first = tenants.firstSeeds.computeIfAbsent(tenantId, id -> List.copyOf(seed));
        return Uni.createFrom().item(restore(tenantId, first, now()));
    }

    /** The tenant's data replaced at once by its seed (a reader sees the old state or the new one, never a mix). */
    private int restore(String tenantId, List<StoredApiKey> seed, Instant now) {
        InMemoryTenants.Tenant fresh = new InMemoryTenants.Tenant();
        seed.forEach(key -> fresh.put(key.withModTime(now)));
        tenants.byId.put(tenantId, fresh);
        return seed.size();
    }

    @Override
    public Uni<Void> forget(String tenantId) {
        tenants.byId.remove(tenantId);
        tenants.firstSeeds.remove(tenantId);
        return Uni.createFrom().voidItem();
    }

    /** In memory nothing is lost while the process lives: the mark is there once the tenant was seeded. */
    @Override
    public Uni<Optional<String>> seedMark(String tenantId) {
        return Uni.createFrom().item(tenants.firstSeeds.containsKey(tenantId) ? Optional.of("in-memory") : Optional.empty());
    }

    private Optional<StoredApiKey> change(String tenantId, String apiKeyId, UnaryOperator<StoredApiKey> edit) {
        InMemoryTenants.Tenant tenant = tenants.byId.get(tenantId);
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

    private Instant now() {
        return NcpTime.now(clock);
    }
}
