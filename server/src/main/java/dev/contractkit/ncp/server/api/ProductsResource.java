package dev.contractkit.ncp.server.api;

import dev.contractkit.ncp.server.auth.Caller;
import dev.contractkit.ncp.server.auth.Tenant;
import dev.contractkit.ncp.server.generated.api.ProductsApi;
import dev.contractkit.ncp.server.generated.model.GetProductsResponse;
import dev.contractkit.ncp.server.generated.model.ProductPage;
import dev.contractkit.ncp.server.generated.model.ProductResponse;
import dev.contractkit.ncp.server.generated.model.SubscriptionCode;
import dev.contractkit.ncp.server.subscription.Subscriptions;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;

/** NCP's product look-ups: what API keys can subscribe to. */
@NonBlocking
public class ProductsResource implements ProductsApi {
    private final Subscriptions subscriptions;
    private final Caller caller;

    public ProductsResource(Subscriptions subscriptions, Caller caller) {
        this.subscriptions = subscriptions;
        this.caller = caller;
    }

    @Override
    public Uni<GetProductsResponse> listProducts(String productName, SubscriptionCode subscriptionCode, Boolean isPublished,
            Boolean hasDeployedStage, String hasStageNotAssociatedWithUsagePlanId, Long offset, Long limit) {
        Tenant tenant = caller.tenant();
        return Uni.createFrom().item(() -> {
            var page = subscriptions.products(tenant.tenantId(), productName, subscriptionCode, isPublished, hasDeployedStage,
                    hasStageNotAssociatedWithUsagePlanId, SubscriptionsResource.offset(offset), SubscriptionsResource.limit(limit));
            return new GetProductsResponse()
                    .productPage(new ProductPage()
                            .content(page.items().stream().map(product -> SubscriptionModels.myProduct(product, tenant)).toList())
                            .total(page.total()))
                    .initialCount((long) subscriptions.productCount(tenant.tenantId()));
        });
    }

    @Override
    public Uni<ProductResponse> getProduct(String productId) {
        Tenant tenant = caller.tenant();
        return Uni.createFrom().item(() -> new ProductResponse()
                .product(SubscriptionModels.product(subscriptions.product(tenant.tenantId(), productId), tenant)));
    }
}
