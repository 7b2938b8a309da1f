package dev.contractkit.ncp.server.seed;

import dev.contractkit.ncp.server.config.BackendHosts;
import dev.contractkit.ncp.server.config.NcpMockConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.auth.Tenant;
import dev.contractkit.ncp.server.store.KeyStore;
import dev.contractkit.ncp.server.store.Workspace;
import dev.contractkit.ncp.server.subscription.CatalogProduct;
import dev.contractkit.ncp.server.subscription.ProductCatalog;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The seed of each workspace: its own seed document (keys and products), or the mock's seed. */
@ApplicationScoped
public class WorkspaceSeeds {
    private final SeedData seedData;
    private final KeyStore store;
    private final ProductCatalog catalog;
    private final ObjectMapper mapper;
    private final BackendHosts backendHosts;
    private final int maxEntries;
    /** The workspaces whose seed this replica has read. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public WorkspaceSeeds(SeedData seedData, KeyStore store, ProductCatalog catalog, ObjectMapper mapper, BackendHosts backendHosts,
            NcpMockConfig config) {
        this.backendHosts = backendHosts;
        this.maxEntries = config.workspaceSeedKeys();
        this.seedData = seedData;
        this.store = store;
        this.catalog = catalog;
        this.mapper = mapper;
    }

    /** A seed document of a workspace (the shapes of a seed file), parsed: its keys, and its products or null. */
    private record Parsed(List<SeedKey> keys, List<CatalogProduct> products) {
    }

    /**
     * Checks a workspace's seed document: an {@link IllegalArgumentException} names what is wrong. A stage
     * backend ({@code endpointDomain}) must be on {@code ncp.mock.gateway-backend-hosts}: a workspace made
     * through the API may not turn the gateway into a forwarder to the mock's own network.
     */
    public void check(String document) {
        JsonNode root = tree(document);
        SeedDocumentCheck.check(root, maxEntries);
        Parsed parsed = parse(root);
        if (parsed.products() != null) {
            parsed.products().forEach(product -> product.stages().forEach(stage -> {
                if (stage.endpointDomain() != null) {
                    try {
                        backendHosts.checkName(stage.endpointDomain());
                    } catch (IllegalArgumentException refused) {
                        throw new IllegalArgumentException("endpointDomain of stage " + stage.stageId() + " in product " + product.productId()
                                + ": " + refused.getMessage());
                    }
                }
            }));
        }
    }

    private JsonNode tree(String document) {
        try {
            return mapper.readTree(document);
        } catch (IOException e) {
            throw new IllegalArgumentException("seed is not JSON");
        }
    }

    private Parsed parse(String document) {
        return parse(tree(document));
    }

    private Parsed parse(JsonNode root) {
        JsonNode keys = root.isObject() ? root.path("apiKeys") : root;
        List<SeedKey> entries = List.copyOf(SeedKey.listFrom(keys.isMissingNode() ? mapper.createArrayNode() : keys));
        entries.forEach(SeedData::check);
        return new Parsed(entries, root.isObject() && root.has("products") ? CatalogSeed.products(root.get("products")) : null);
    }

    /** A workspace back to its seed (its own, or the mock's): keys, subscriptions, counters and products. */
    public Uni<Integer> resetWorkspace(Workspace workspace, Tenant tenant) {
        Parsed own = workspace.seed() == null ? null : parse(workspace.seed());
        catalog.reset(workspace.tenantId());
        if (own != null && own.products() != null) {
            catalog.seedOf(workspace.tenantId(), own.products());
        }
        return store.resetTenant(workspace.tenantId(), seedData.seedKeys(tenant, own == null ? seedData.seed() : own.keys()));
    }

    /** Makes sure this replica serves the workspace's own products (another replica may have made it). */
    public void knowProductsOf(Workspace workspace) {
        // once per workspace and replica: a seed is read again only after the workspace was forgotten here
        if (workspace.seed() != null && !catalog.hasSeedOf(workspace.tenantId()) && known.add(workspace.tenantId())) {
            Parsed own = parse(workspace.seed());
            if (own.products() != null) {
                catalog.seedOf(workspace.tenantId(), own.products());
            }
        }
    }

    /** A deleted workspace's products and drawn keys gone from this replica. */
    public void forgetWorkspace(Workspace workspace) {
        catalog.forget(workspace.tenantId());
        seedData.forgetDrawn(workspace.tenantId());
        known.remove(workspace.tenantId());
    }
}
