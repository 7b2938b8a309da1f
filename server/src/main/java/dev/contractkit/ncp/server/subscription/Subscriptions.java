package dev.contractkit.ncp.server.subscription;

import dev.contractkit.ncp.server.generated.model.SubscriptionDecision;
import dev.contractkit.ncp.server.store.KeyStore;
import dev.contractkit.ncp.server.store.NcpTime;
import dev.contractkit.ncp.server.store.Page;
import dev.contractkit.ncp.server.store.StoredApiKey;
import dev.contractkit.ncp.server.store.StoredSubscription;
import dev.contractkit.ncp.server.store.SubscriptionState;
import dev.contractkit.ncp.server.store.SubscriptionStore;
import dev.contractkit.ncp.server.store.Usage;
import dev.contractkit.ncp.server.store.UsageStore;
import dev.contractkit.ncp.server.subscription.SubscriptionRefusedException.Reason;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The subscription calls over the store and the product catalogue: the rules of {@link SubscriptionRules},
 * written with the store's compare-and-set, so that two replicas changing one subscription at once never
 * lose a change (the loser reads again and decides again). Knows nothing of HTTP: what cannot be done is
 * a {@link SubscriptionRefusedException}.
 */
@ApplicationScoped
public class Subscriptions {
    static final int MAX_ATTEMPTS = 50;
    private static final long ALL = Long.MAX_VALUE;

    private final KeyStore keys;
    private final SubscriptionStore subscriptions;
    private final UsageStore usage;
    private final ProductCatalog catalog;
    private final Clock clock;

    public Subscriptions(KeyStore keys, SubscriptionStore subscriptions, UsageStore usage, ProductCatalog catalog, Clock clock) {
        this.keys = keys;
        this.subscriptions = subscriptions;
        this.usage = usage;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** A key and its subscription to a product. */
    public record KeySubscription(StoredApiKey key, StoredSubscription subscription) {
    }

    /** A product and a key's subscription to it. */
    public record ProductSubscription(CatalogProduct product, StoredSubscription subscription) {
    }

    /** One stage a subscription reaches, with the usage plan that applies there and the key's use of it at the gateway. */
    public record StageRow(StoredApiKey key, StoredSubscription subscription, CatalogProduct.Api api, CatalogProduct.Stage stage,
            CatalogProduct.UsagePlan usagePlan, Usage usage) {
    }

    // ---- changes ---------------------------------------------------------------------------------------------

    public Uni<Void> subscribe(String tenantId, String apiKeyId, String productId) {
        CatalogProduct product = catalog.require(tenantId, productId);
        return existingKey(tenantId, apiKeyId).chain(key -> change(tenantId, apiKeyId, productId, 1,
                current -> Next.of(SubscriptionRules.subscribe(current, apiKeyId, productId, product.subscriptionCode(), now()))));
    }

    public Uni<Void> unsubscribe(String tenantId, String apiKeyId, String productId) {
        catalog.require(tenantId, productId);
        return existingKey(tenantId, apiKeyId).chain(key -> change(tenantId, apiKeyId, productId, 1, current -> {
            subscribed(current, apiKeyId, productId);
            return Next.REMOVED;
        }));
    }

    public Uni<Void> decide(String tenantId, String apiKeyId, String productId, SubscriptionDecision decision) {
        catalog.require(tenantId, productId);
        return existingKey(tenantId, apiKeyId).chain(key -> change(tenantId, apiKeyId, productId, 1,
                current -> Next.of(SubscriptionRules.decide(subscribed(current, apiKeyId, productId), decision, now()))));
    }

    public Uni<Void> setUsagePlan(String tenantId, String apiKeyId, String productId, String stageId, String usagePlanId) {
        CatalogProduct product = catalog.require(tenantId, productId);
        CatalogProduct.Stage stage = product.stage(stageId).orElseThrow(() -> new SubscriptionRefusedException(Reason.STAGE_NOT_FOUND,
                "Stage '" + stageId + "' was not found in product '" + productId + "'."));
        if (usagePlanId != null && stage.plan(usagePlanId).isEmpty()) {
            throw new SubscriptionRefusedException(Reason.USAGE_PLAN_NOT_FOUND,
                    "Usage plan '" + usagePlanId + "' was not found on stage '" + stageId + "'.");
        }
        return existingKey(tenantId, apiKeyId).chain(key -> change(tenantId, apiKeyId, productId, 1, current -> {
            StoredSubscription subscription = subscribed(current, apiKeyId, productId);
            StoredSubscription next = subscription.withUsagePlan(stageId, usagePlanId, now());
            return next.usagePlans().equals(subscription.usagePlans()) ? Next.UNCHANGED : new Next(true, next);
        }));
    }

    /** What a subscription becomes: unchanged, or {@code value} (null: removed). */
    private record Next(boolean changes, StoredSubscription value) {
        static final Next UNCHANGED = new Next(false, null);
        static final Next REMOVED = new Next(true, null);

        static Next of(Optional<StoredSubscription> changed) {
            return changed.map(value -> new Next(true, value)).orElse(UNCHANGED);
        }
    }

    /**
     * Reads the subscription, lets {@code decide} say what it becomes, and writes that if nobody changed
     * the subscription meanwhile; else reads and decides again.
     */
    private Uni<Void> change(String tenantId, String apiKeyId, String productId, int attempt,
            Function<Optional<StoredSubscription>, Next> decide) {
        return current(tenantId, apiKeyId, productId).chain(current -> {
            Next next;
            try {
                next = decide.apply(current);
            } catch (RuntimeException refused) {
                return Uni.createFrom().failure(refused);
            }
            if (!next.changes()) {
                return Uni.createFrom().voidItem();
            }
            return subscriptions.write(tenantId, apiKeyId, productId, current.orElse(null), next.value()).chain(written -> {
                if (written == SubscriptionStore.Write.DONE) {
                    return Uni.createFrom().voidItem();
                }
                if (written == SubscriptionStore.Write.KEY_MISSING) {
                    return Uni.createFrom().failure(keyNotFound(apiKeyId));
                }
                if (attempt >= MAX_ATTEMPTS) {
                    return Uni.createFrom().failure(new IllegalStateException("the subscription of " + apiKeyId + " to " + productId
                            + " kept changing during " + attempt + " attempts"));
                }
                return change(tenantId, apiKeyId, productId, attempt + 1, decide);
            });
        });
    }

    /** Test set-up (provider states): the key's subscription to the product is {@code status}, whatever it was. */
    public Uni<Void> force(String tenantId, String apiKeyId, String productId, SubscriptionState status) {
        return change(tenantId, apiKeyId, productId, 1, current -> new Next(true, current
                .map(subscription -> subscription.withStatus(status, now()))
                .orElseGet(() -> new StoredSubscription(apiKeyId, productId, status, now(), now(), Map.of()))));
    }

    // ---- look-ups --------------------------------------------------------------------------------------------

    /** The keys related to a product (key side's search): by name and status, oldest subscription first. */
    public Uni<Page<KeySubscription>> keysOfProduct(String tenantId, String productId, Collection<SubscriptionState> statuses,
            String nameContains, long offset, long limit) {
        catalog.require(tenantId, productId);
        return keySubscriptions(tenantId, productId, statuses).map(all -> Page.of(all.stream()
                .filter(row -> Page.nameContains(row.key().apiKeyName(), nameContains))
                .toList(), offset, limit));
    }

    /** The keys subscribed to a product (product side's search): by exact key value, key ID and status. */
    public Uni<Page<KeySubscription>> subscribersOf(String tenantId, String productId, String apiKeyValue, String apiKeyId,
            Collection<SubscriptionState> statuses, long offset, long limit) {
        catalog.require(tenantId, productId);
        return keySubscriptions(tenantId, productId, statuses).map(all -> Page.of(all.stream()
                .filter(row -> apiKeyValue == null || apiKeyValue.equals(row.key().primaryKey()) || apiKeyValue.equals(row.key().secondaryKey()))
                .filter(row -> apiKeyId == null || apiKeyId.equals(row.key().apiKeyId()))
                .toList(), offset, limit));
    }

    /** The products a key has a subscription to, in any status. */
    public Uni<Page<ProductSubscription>> productsOf(String tenantId, String apiKeyId, long offset, long limit) {
        return existingKey(tenantId, apiKeyId).chain(key -> subscriptions.all(tenantId)).map(all -> {
            List<ProductSubscription> rows = new ArrayList<>();
            for (StoredSubscription subscription : all) {
                if (subscription.apiKeyId().equals(apiKeyId)) {
                    catalog.find(tenantId, subscription.productId()).ifPresent(product -> rows.add(new ProductSubscription(product, subscription)));
                }
            }
            return Page.of(rows, offset, limit);
        });
    }

    /** The stages of the product a key's accepted subscription reaches, narrowed by API and stage. */
    public Uni<Page<StageRow>> stagesOf(String tenantId, String apiKeyId, String productId, String apiId, String stageId, long offset, long limit) {
        CatalogProduct product = catalog.require(tenantId, productId);
        return existingKey(tenantId, apiKeyId).chain(key -> current(tenantId, apiKeyId, productId).map(current -> {
            List<StageRow> rows = new ArrayList<>();
            current.filter(subscription -> subscription.status() == SubscriptionState.ACCEPTED).ifPresent(subscription -> {
                for (CatalogProduct.Api api : product.apis()) {
                    for (CatalogProduct.Stage stage : api.stages()) {
                        if ((apiId == null || apiId.equals(api.apiId())) && (stageId == null || stageId.equals(stage.stageId()))) {
                            CatalogProduct.UsagePlan plan = Optional.ofNullable(subscription.usagePlans().get(stage.stageId()))
                                    .flatMap(stage::plan).orElse(stage.defaultPlan());
                            rows.add(new StageRow(key, subscription, api, stage, plan, Usage.NONE));
                        }
                    }
                }
            });
            return Page.of(rows, offset, limit);
        })).chain(page -> withUsage(tenantId, apiKeyId, productId, page));
    }

    /** The page's rows with the gateway's counters of today and this month. */
    private Uni<Page<StageRow>> withUsage(String tenantId, String apiKeyId, String productId, Page<StageRow> page) {
        if (page.items().isEmpty()) {
            return Uni.createFrom().item(page);
        }
        List<String> stageIds = page.items().stream().map(row -> row.stage().stageId()).toList();
        return usage.usage(tenantId, apiKeyId, productId, stageIds, clock.instant()).map(byStage -> new Page<>(page.items().stream()
                .map(row -> new StageRow(row.key(), row.subscription(), row.api(), row.stage(), row.usagePlan(),
                        byStage.getOrDefault(row.stage().stageId(), Usage.NONE)))
                .toList(), page.total(), page.initialCount()));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private Uni<List<KeySubscription>> keySubscriptions(String tenantId, String productId, Collection<SubscriptionState> statuses) {
        return subscriptions.all(tenantId).chain(subscriptions -> keys.list(tenantId, null, 0, ALL).map(page -> {
            Map<String, StoredApiKey> keys = page.items().stream().collect(Collectors.toMap(StoredApiKey::apiKeyId, key -> key));
            List<KeySubscription> rows = new ArrayList<>();
            for (StoredSubscription subscription : subscriptions) {
                StoredApiKey key = keys.get(subscription.apiKeyId());
                if (key != null && subscription.productId().equals(productId)
                        && (statuses == null || statuses.isEmpty() || statuses.contains(subscription.status()))) {
                    rows.add(new KeySubscription(key, subscription));
                }
            }
            return rows;
        }));
    }

    private Uni<Optional<StoredSubscription>> current(String tenantId, String apiKeyId, String productId) {
        return subscriptions.find(tenantId, apiKeyId, productId);
    }

    private Uni<StoredApiKey> existingKey(String tenantId, String apiKeyId) {
        return keys.find(tenantId, apiKeyId).map(found -> found.orElseThrow(() -> keyNotFound(apiKeyId)));
    }

    private static StoredSubscription subscribed(Optional<StoredSubscription> current, String apiKeyId, String productId) {
        return current.orElseThrow(() -> new SubscriptionRefusedException(Reason.NOT_SUBSCRIBED,
                "API key '" + apiKeyId + "' has no subscription to product '" + productId + "'."));
    }

    private static SubscriptionRefusedException keyNotFound(String apiKeyId) {
        return new SubscriptionRefusedException(Reason.API_KEY_NOT_FOUND, "API key '" + apiKeyId + "' was not found.");
    }

    private Instant now() {
        return NcpTime.now(clock);
    }
}
