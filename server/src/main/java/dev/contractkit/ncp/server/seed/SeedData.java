package dev.contractkit.ncp.server.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.auth.Tenant;
import dev.contractkit.ncp.server.auth.Tenants;
import dev.contractkit.ncp.server.config.NcpMockConfig;
import dev.contractkit.ncp.server.store.KeyStore;
import dev.contractkit.ncp.server.store.KeyFactory;
import dev.contractkit.ncp.server.store.NcpTime;
import dev.contractkit.ncp.server.store.StoredApiKey;
import dev.contractkit.ncp.server.subscription.ProductCatalog;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/** Fills the store with the seed keys of every configured tenant: new tenants at start-up, all of them on reset. */
@ApplicationScoped
public class SeedData {
    private static final String BUILT_IN_SEED = "/seed/api-keys.json";
    private static final String BUILT_IN_PRODUCTS = "/seed/products.json";
    private static final Logger LOG = Logger.getLogger(SeedData.class);
    static final long WATCH_MILLIS = 500;

    private final KeyStore store;
    private final Tenants tenants;
    private final Clock clock;
    private final List<SeedKey> seed;
    private final KeyFactory keyFactory;
    /** Each tenant's seed keys as first drawn (IDs and values the seed file leaves out), for the life of the process. */
    private final Map<Slot, StoredApiKey> drawn = new ConcurrentHashMap<>();

    private final Vertx vertx;
    private final ProductCatalog catalog;
    /** With a shared store (Redis): watch it for a lost seed, every {@link #WATCH_MILLIS}. */
    private final boolean watchForLoss;
    private final String source;
    private final Map<String, SeedState> seen = new ConcurrentHashMap<>();
    private final AtomicBoolean looking = new AtomicBoolean();
    private volatile boolean seedMissing;

    public SeedData(KeyStore store, Tenants tenants, Clock clock, ObjectMapper mapper, NcpMockConfig config, Vertx vertx,
            KeyFactory keyFactory, ProductCatalog catalog) {
        this.catalog = catalog;
        this.store = store;
        this.keyFactory = keyFactory;
        this.tenants = tenants;
        this.clock = clock;
        this.vertx = vertx;
        Path file = config.seedFile().map(Path::of).orElse(null);
        this.source = file != null ? file.toString() : "the built-in seed";
        this.watchForLoss = config.store() == NcpMockConfig.StoreKind.REDIS;
        // on a shared store, not ready until a first look has seen (and remembered) every tenant's seed mark: a
        // store that comes back empty any time after readiness is then noticed and said so
        this.seedMissing = watchForLoss;
        JsonNode root = readJson(mapper, file, BUILT_IN_SEED);
        // a seed file is a JSON array of keys, or an object {"apiKeys": [...], "products": [...]}
        JsonNode keys = root.isObject() ? root.path("apiKeys") : root;
        JsonNode products = root.isObject() && root.has("products") ? root.get("products") : readJson(mapper, null, BUILT_IN_PRODUCTS);
        try {
            this.seed = List.copyOf(SeedKey.listFrom(keys));
            this.seed.forEach(SeedData::check);
            catalog.seed(CatalogSeed.products(products));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the seed file " + (file != null ? file : BUILT_IN_SEED) + " is wrong: " + e.getMessage(), e);
        }
    }

    /**
     * Seeds every configured tenant that was never seeded: with a shared store, a replica that starts
     * against existing keys leaves them alone. When the store cannot be reached yet, it tries again every
     * second without holding up start-up.
     */
    void onStart(@Observes StartupEvent start) {
        seedNewTenants(1);
        if (watchForLoss) {
            vertx.setPeriodic(WATCH_MILLIS, id -> lookForALostSeed());
        }
    }

    /** False while a configured tenant's seed is missing from the store (readiness is DOWN until it is back). */
    public boolean seedPresent() {
        return !seedMissing;
    }

    /**
     * A store that comes back empty (a Redis without persistence restarted, a FLUSHALL, a failover to an
     * empty replica) has lost every tenant's seed mark. Each replica notices it here, says so once, and
     * seeds again through the same atomic seed-once path as at start-up: one replica seeds, the others find
     * the tenant seeded, and a replica that comes late sees the new mark and says so too.
     */
    private void lookForALostSeed() {
        if (!looking.compareAndSet(false, true)) {
            return;
        }
        List<Uni<Boolean>> looks = tenants.configured().stream().map(this::look).toList();
        Uni.join().all(looks).andCollectFailures().subscribe().with(
                present -> {
                    seedMissing = present.contains(false);
                    looking.set(false);
                },
                unreachable -> looking.set(false));
    }

    /** Whether the tenant's seed is in the store now; seeds it again when it is gone. */
    private Uni<Boolean> look(Tenant tenant) {
        return store.seedMark(tenant.tenantId()).chain(mark -> {
            SeedState known = seen.get(tenant.tenantId());
            if (mark.isPresent()) {
                if (known != null && !known.mark().equals(mark.get()) && !known.warned()) {
                    warnLost(tenant);
                }
                seen.put(tenant.tenantId(), new SeedState(mark.get(), false));
                return Uni.createFrom().item(true);
            }
            if (known != null && !known.warned()) {
                warnLost(tenant);
                seen.put(tenant.tenantId(), new SeedState(known.mark(), true));
            }
            return store.seedIfNew(tenant.tenantId(), seedKeys(tenant)).map(count -> {
                if (count > 0 && known != null) {
                    LOG.infof("NCP mock: this replica re-seeded tenant %s with %d keys", tenant.tenantId(), count);
                }
                return false;
            });
        });
    }

    private void warnLost(Tenant tenant) {
        LOG.warnf("NCP mock: the store lost its data (the seed of tenant %s was gone); re-seeded from %s", tenant.tenantId(), source);
    }

    /** The seed mark a replica last saw for a tenant, and whether it already warned about losing it. */
    private record SeedState(String mark, boolean warned) {
    }

    private void seedNewTenants(int attempt) {
        List<Uni<Integer>> seeding = tenants.configured().stream()
                .map(tenant -> store.seedIfNew(tenant.tenantId(), seedKeys(tenant)))
                .toList();
        Uni.join().all(seeding).andFailFast().subscribe().with(
                counts -> {
                    LOG.debugf("seeded %d new keys", counts.stream().mapToInt(Integer::intValue).sum());
                    if (watchForLoss) {
                        lookForALostSeed();
                    }
                },
                failure -> {
                    if (attempt == 1) {
                        LOG.warnf("NCP mock: cannot seed the store yet (%s); trying again every second", failure.getMessage());
                    }
                    vertx.setTimer(1000, id -> seedNewTenants(attempt + 1));
                });
    }

    /** Forgets every change and every key of every tenant, then seeds the configured tenants again. Answers how many keys. */
    public Uni<Integer> reset() {
        catalog.reset();
        Map<String, List<StoredApiKey>> seedByTenant = new LinkedHashMap<>();
        tenants.configured().forEach(tenant -> seedByTenant.put(tenant.tenantId(), seedKeys(tenant)));
        return store.reset(seedByTenant);
    }

    private List<StoredApiKey> seedKeys(Tenant tenant) {
        return seedKeys(tenant, seed);
    }

    /** The mock's seed keys, as the seed file gives them. */
    List<SeedKey> seed() {
        return seed;
    }

    /** A tenant's keys of these seed entries: IDs and values the entries leave out are drawn once per tenant. */
    List<StoredApiKey> seedKeys(Tenant tenant, List<SeedKey> entries) {
        List<StoredApiKey> keys = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            keys.add(toKey(tenant, entries.get(i), i));
        }
        return keys;
    }

    /**
     * A seed key of a tenant. The ID and key values the seed file leaves out are drawn the first time and
     * then kept for the life of the process: a reset brings back the same keys, as a frontend expects.
     */
    /** Forgets the keys drawn for a tenant (a deleted workspace). */
    void forgetDrawn(String tenantId) {
        drawn.keySet().removeIf(slot -> slot.tenantId().equals(tenantId));
    }

    private StoredApiKey toKey(Tenant tenant, SeedKey entry, int index) {
        StoredApiKey first = drawn.computeIfAbsent(new Slot(tenant.tenantId(), index), slot -> keyFactory.of(tenant.tenantId(),
                entry.apiKeyId(), entry.apiKeyName(), entry.apiKeyDescription() != null ? entry.apiKeyDescription() : "",
                entry.primaryKey(), entry.secondaryKey(), tenant.modifier(), entry.isEnabled() == null || entry.isEnabled()));
        return first.withModTime(NcpTime.now(clock));
    }

    /** The place of a seed key: its tenant and its position in the seed file. */
    private record Slot(String tenantId, int index) {
    }

    private static JsonNode readJson(ObjectMapper mapper, Path file, String builtIn) {
        try (InputStream in = file != null ? Files.newInputStream(file) : SeedData.class.getResourceAsStream(builtIn)) {
            if (in == null) {
                throw new IllegalStateException("the built-in seed " + builtIn + " is missing");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seed file " + (file != null ? file : builtIn), e);
        }
    }

    static void check(SeedKey entry) {
        if (entry.apiKeyName() == null || entry.apiKeyName().isEmpty() || entry.apiKeyName().length() > 20) {
            throw new IllegalArgumentException("every seed key needs an apiKeyName of 1 to 20 characters: " + entry.apiKeyId());
        }
    }
}
