package dev.contractkit.ncp.server.store;

import dev.contractkit.ncp.server.generated.model.KeyType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/** The default store: per-tenant concurrent maps of immutable keys, each change one atomic compute. */
@ApplicationScoped
public class InMemoryApiKeyStore implements ApiKeyStore {
    private static final Logger LOG = Logger.getLogger(InMemoryApiKeyStore.class);

    private final Map<String, Map<String, StoredApiKey>> keysByTenant = new ConcurrentHashMap<>();
    private final AtomicLong creationOrder = new AtomicLong();
    private final KeyValueGenerator generator;
    private final Clock clock;

    @Inject
    public InMemoryApiKeyStore(Clock clock) {
        this(clock, new KeyValueGenerator());
    }

    InMemoryApiKeyStore(Clock clock, KeyValueGenerator generator) {
        this.clock = clock;
        this.generator = generator;
    }

    @Override
    public StoredApiKey create(String tenantId, String name, String description, String modifier) {
        Map<String, StoredApiKey> keys = keysOf(tenantId);
        while (true) {
            StoredApiKey key = new StoredApiKey(generator.apiKeyId(), tenantId, name, description,
                    generator.keyValue(), generator.keyValue(), modifier, true, now(), StoredApiKey.PUBLIC_DOMAIN,
                    creationOrder.incrementAndGet());
            if (keys.putIfAbsent(key.apiKeyId(), key) == null) {
                LOG.debugf("created %s", key);
                return key;
            }
        }
    }

    @Override
    public ApiKeyPage list(String tenantId, String nameContains, long offset, long limit) {
        List<StoredApiKey> all = existingKeysOf(tenantId).values().stream()
                .sorted(Comparator.comparingLong(StoredApiKey::createdOrder))
                .toList();
        List<StoredApiKey> matching = nameContains == null || nameContains.isEmpty()
                ? all
                : all.stream().filter(key -> key.apiKeyName().contains(nameContains)).toList();
        List<StoredApiKey> page = matching.stream().skip(offset).limit(limit).toList();
        return new ApiKeyPage(page, matching.size(), all.size());
    }

    @Override
    public Optional<StoredApiKey> find(String tenantId, String apiKeyId) {
        return Optional.ofNullable(existingKeysOf(tenantId).get(apiKeyId));
    }

    @Override
    public Optional<StoredApiKey> update(String tenantId, String apiKeyId, String name, String description, boolean enabled, String modifier) {
        return change(tenantId, apiKeyId, key -> key.edited(name, description, enabled, modifier, now()));
    }

    @Override
    public Optional<StoredApiKey> regenerate(String tenantId, String apiKeyId, KeyType keyType, String modifier) {
        Optional<StoredApiKey> changed = change(tenantId, apiKeyId, key -> keyType == KeyType.PRIMARY
                ? key.withPrimaryKey(generator.keyValue(), modifier, now())
                : key.withSecondaryKey(generator.keyValue(), modifier, now()));
        changed.ifPresent(key -> LOG.debugf("regenerated the %s key of %s", keyType, key));
        return changed;
    }

    @Override
    public boolean delete(String tenantId, String apiKeyId) {
        Map<String, StoredApiKey> keys = keysByTenant.get(tenantId);
        return keys != null && keys.remove(apiKeyId) != null;
    }

    @Override
    public void put(StoredApiKey key) {
        StoredApiKey ordered = key.createdOrder() > 0 ? key : new StoredApiKey(key.apiKeyId(), key.tenantId(), key.apiKeyName(),
                key.apiKeyDescription(), key.primaryKey(), key.secondaryKey(), key.modifier(), key.enabled(), key.modTime(),
                key.domainCode(), creationOrder.incrementAndGet());
        keysOf(key.tenantId()).put(key.apiKeyId(), ordered);
    }

    @Override
    public void clear() {
        keysByTenant.clear();
    }

    private Optional<StoredApiKey> change(String tenantId, String apiKeyId, java.util.function.UnaryOperator<StoredApiKey> edit) {
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
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
