package dev.contractkit.ncp.server.subscription;

import dev.contractkit.ncp.server.generated.model.SubscriptionCode;
import dev.contractkit.ncp.server.store.Page;
import dev.contractkit.ncp.server.store.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The products every tenant sees: the seed's (the same on every replica, read from the same seed file),
 * plus any a provider state added for one tenant, until the next reset. Products are not changed through
 * the API (NCP's product calls are outside this contract), so they need no shared store.
 */
@ApplicationScoped
public class ProductCatalog {
    private volatile List<CatalogProduct> seed = List.of();
    private final Map<String, Map<String, CatalogProduct>> addedByTenant = new ConcurrentHashMap<>();
    /** A tenant's own seed products, in place of the mock's (a workspace made with a seed of its own). */
    private final Map<String, List<CatalogProduct>> seedByTenant = new ConcurrentHashMap<>();

    /** The seed's products, in seed order; product IDs must be unique. */
    public void seed(List<CatalogProduct> products) {
        Map<String, CatalogProduct> unique = new LinkedHashMap<>();
        for (CatalogProduct product : products) {
            if (unique.put(product.productId(), product) != null) {
                throw new IllegalArgumentException("the seed has two products with the ID " + product.productId());
            }
        }
        seed = List.copyOf(unique.values());
    }

    /** A tenant's own seed products, in place of the mock's, kept until {@link #forget}. */
    public void seedOf(String tenantId, List<CatalogProduct> products) {
        seedByTenant.put(tenantId, List.copyOf(products));
    }

    /** Whether the tenant has seed products of its own. */
    public boolean hasSeedOf(String tenantId) {
        return seedByTenant.containsKey(tenantId);
    }

    /** The tenant's products: its seed's, then those added for it, in the order added. */
    public List<CatalogProduct> products(String tenantId) {
        List<CatalogProduct> seed = seedByTenant.getOrDefault(tenantId, this.seed);
        Map<String, CatalogProduct> added = addedByTenant.getOrDefault(tenantId, Map.of());
        if (added.isEmpty()) {
            return seed;
        }
        List<CatalogProduct> all = new ArrayList<>();
        seed.stream().filter(product -> !added.containsKey(product.productId())).forEach(all::add);
        all.addAll(added.values());
        return all;
    }

    public Optional<CatalogProduct> find(String tenantId, String productId) {
        CatalogProduct added = addedByTenant.getOrDefault(tenantId, Map.of()).get(productId);
        if (added != null) {
            return Optional.of(added);
        }
        return seedByTenant.getOrDefault(tenantId, seed).stream().filter(product -> product.productId().equals(productId)).findFirst();
    }

    /** The tenant's product with this invoke id (the first label of its gateway host). */
    public Optional<CatalogProduct> byInvokeId(String tenantId, String invokeId) {
        return products(tenantId).stream().filter(product -> product.invokeId().equals(invokeId)).findFirst();
    }

    /** Adds (or replaces) a product of one tenant: for test set-up (provider states). */
    public void put(String tenantId, CatalogProduct product) {
        addedByTenant.computeIfAbsent(tenantId, id -> Collections.synchronizedMap(new LinkedHashMap<>())).put(product.productId(), product);
    }

    /** Back to the seed's products, for every tenant but the workspaces (each resets on its own). */
    public void reset() {
        addedByTenant.keySet().removeIf(tenantId -> !Workspace.isWorkspaceTenant(tenantId));
    }

    /** One tenant back to its seed's products. */
    public void reset(String tenantId) {
        addedByTenant.remove(tenantId);
    }

    /** Everything of one tenant gone (a deleted workspace). */
    public void forget(String tenantId) {
        addedByTenant.remove(tenantId);
        seedByTenant.remove(tenantId);
    }

    /** The product, or NCP's 404 "300" refusal. */
    public CatalogProduct require(String tenantId, String productId) {
        return find(tenantId, productId).orElseThrow(() -> new SubscriptionRefusedException(SubscriptionRefusedException.Reason.PRODUCT_NOT_FOUND,
                "Product '" + productId + "' was not found."));
    }

    /** The tenant's products through the list's filters; {@code initialCount} is how many it has before them. */
    public Page<CatalogProduct> page(String tenantId, String nameContains, SubscriptionCode code, Boolean published, Boolean deployed,
            String stageWithoutPlan, long offset, long limit) {
        return Page.of(products(tenantId), product -> Page.nameContains(product.productName(), nameContains)
                && (code == null || product.subscriptionCode() == code)
                && (published == null || product.published() == published)
                && (deployed == null || product.hasDeployedStage() == deployed)
                && (stageWithoutPlan == null || product.stages().anyMatch(stage -> stage.plan(stageWithoutPlan).isEmpty())), offset, limit);
    }
}
