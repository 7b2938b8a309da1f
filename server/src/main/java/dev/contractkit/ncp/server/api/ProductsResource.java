package dev.contractkit.ncp.server.api;

import dev.contractkit.ncp.server.auth.Caller;
import dev.contractkit.ncp.server.auth.Tenant;
import dev.contractkit.ncp.server.generated.api.ProductsApi;
import dev.contractkit.ncp.server.generated.model.GetProductsResponse;
import dev.contractkit.ncp.server.generated.model.ProductPage;
import dev.contractkit.ncp.server.generated.model.ProductResponse;
import dev.contractkit.ncp.server.generated.model.SubscriptionCode;
import dev.contractkit.ncp.server.store.Page;
import dev.contractkit.ncp.server.subscription.ProductCatalog;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;

/** NCP's product look-ups: what API keys can subscribe to. */
@NonBlocking
public class ProductsResource implements ProductsApi {
    @Inject
    ProductCatalog catalog;
    @Inject
    Caller caller;

    @Override
    public Uni<GetProductsResponse> listProducts(String productName, SubscriptionCode subscriptionCode, Boolean isPublished,
            Boolean hasDeployedStage, String hasStageNotAssociatedWithUsagePlanId, Long offset, Long limit) {
        Tenant tenant = caller.tenant();
        return Uni.createFrom().item(() -> {
            var page = catalog.page(tenant.tenantId(), productName, subscriptionCode, isPublished, hasDeployedStage,
                    hasStageNotAssociatedWithUsagePlanId, Page.offset(offset), Page.limit(limit));
            return new GetProductsResponse()
                    .productPage(new ProductPage()
                            .content(page.items().stream().map(product -> SubscriptionModels.myProduct(product, tenant)).toList())
                            .total(page.total()))
                    .initialCount(page.initialCount());
        });
    }

    @Override
    public Uni<ProductResponse> getProduct(String productId) {
        Tenant tenant = caller.tenant();
        return Uni.createFrom().item(() -> new ProductResponse()
                .product(SubscriptionModels.product(catalog.require(tenant.tenantId(), productId), tenant)));
    }
}
