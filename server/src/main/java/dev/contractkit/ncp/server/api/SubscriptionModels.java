package dev.contractkit.ncp.server.api;

import dev.contractkit.ncp.server.auth.Tenant;
import dev.contractkit.ncp.server.generated.model.ApiKeyProductRelation;
import dev.contractkit.ncp.server.generated.model.ApiKeyRelateProduct;
import dev.contractkit.ncp.server.generated.model.ApiKeyRelationSearch;
import dev.contractkit.ncp.server.generated.model.ApiKeySearch;
import dev.contractkit.ncp.server.generated.model.MyProduct;
import dev.contractkit.ncp.server.generated.model.Product;
import dev.contractkit.ncp.server.generated.model.SubscriptionStatus;
import dev.contractkit.ncp.server.store.StoredApiKey;
import dev.contractkit.ncp.server.store.SubscriptionState;
import dev.contractkit.ncp.server.subscription.CatalogProduct;
import dev.contractkit.ncp.server.subscription.Subscriptions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** From subscriptions and catalogue products to the generated wire models. */
final class SubscriptionModels {

    private SubscriptionModels() {
    }

    static ApiKeyProductRelation relation(Subscriptions.KeySubscription row) {
        return new ApiKeyProductRelation()
                .apiKeyId(row.key().apiKeyId())
                .apiKeyName(row.key().apiKeyName())
                .apiKeyDescription(row.key().apiKeyDescription())
                .status(status(row.subscription().status()))
                .disabled(!row.key().enabled());
    }

    static ApiKeyRelateProduct relatedProduct(Subscriptions.ProductSubscription row, String tenantId) {
        return new ApiKeyRelateProduct()
                .productId(row.product().productId())
                .productName(row.product().productName())
                .productDescription(row.product().productDescription())
                .publisherId(tenantId)
                .status(status(row.subscription().status()))
                .regTime(time(row.subscription().regTime()))
                .modTime(time(row.subscription().modTime()))
                .isSelfProduct(true);
    }

    static ApiKeySearch subscriber(Subscriptions.KeySubscription row) {
        StoredApiKey key = row.key();
        return new ApiKeySearch()
                .apiKeyId(key.apiKeyId())
                .apiKeyName(key.apiKeyName())
                .primaryKey(key.primaryKey())
                .secondaryKey(key.secondaryKey())
                .status(status(row.subscription().status()))
                .domainCode(key.domainCode())
                .regTime(time(row.subscription().regTime()))
                .modTime(time(row.subscription().modTime()));
    }

    static ApiKeyRelationSearch stage(Subscriptions.StageRow row) {
        return new ApiKeyRelationSearch()
                .apiId(row.api().apiId())
                .apiName(row.api().apiName())
                .stageId(row.stage().stageId())
                .stageName(row.stage().stageName())
                .apiKeyId(row.key().apiKeyId())
                .apiKeyName(row.key().apiKeyName())
                .usagePlanId(row.usagePlan().usagePlanId())
                .usagePlanName(row.usagePlan().usagePlanName())
                .dailyUsage(row.usage().dailyUsage())
                .monthlyUsage(row.usage().monthlyUsage())
                .dayCallCount(row.usage().dayCallCount())
                .monthCallCount(row.usage().monthCallCount())
                .domainCode(StoredApiKey.PUBLIC_DOMAIN)
                .regTime(time(row.subscription().regTime()))
                .modTime(time(row.subscription().modTime()));
    }

    static MyProduct myProduct(CatalogProduct product, Tenant tenant) {
        return new MyProduct()
                .productId(product.productId())
                .productName(product.productName())
                .productDescription(product.productDescription())
                .subscriptionCode(product.subscriptionCode())
                .isPublished(product.published())
                .hasDeployedStage(product.hasDeployedStage())
                .tenantId(tenant.tenantId())
                .modifier(tenant.modifier())
                .modTime(time(product.modTime()))
                .domainCode(StoredApiKey.PUBLIC_DOMAIN)
                .invokeId(product.invokeId())
                .isDeleted(false)
                .disabled(false);
    }

    static Product product(CatalogProduct product, Tenant tenant) {
        return new Product()
                .productId(product.productId())
                .productName(product.productName())
                .productDescription(product.productDescription())
                .subscriptionCode(product.subscriptionCode())
                .isPublished(product.published())
                .tenantId(tenant.tenantId())
                .modifier(tenant.modifier())
                .modTime(time(product.modTime()))
                .domainCode(StoredApiKey.PUBLIC_DOMAIN)
                .invokeId(product.invokeId())
                .isDeleted(false)
                .disabled(false);
    }

    /** The store's subscription state as the API names it (the two enums share their names). */
    static SubscriptionStatus status(SubscriptionState state) {
        return SubscriptionStatus.valueOf(state.name());
    }

    /** A status filter of the API as the rules take it: null (no filter) stays null. */
    static List<SubscriptionState> states(List<SubscriptionStatus> statuses) {
        return statuses == null ? null : statuses.stream().map(status -> SubscriptionState.valueOf(status.name())).toList();
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
