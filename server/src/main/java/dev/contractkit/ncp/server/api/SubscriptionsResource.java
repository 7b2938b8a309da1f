package dev.contractkit.ncp.server.api;

import dev.contractkit.ncp.server.auth.Caller;
import dev.contractkit.ncp.server.generated.api.SubscriptionsApi;
import dev.contractkit.ncp.server.generated.model.ApiKeyRelationPage;
import dev.contractkit.ncp.server.generated.model.ApiKeySearchPage;
import dev.contractkit.ncp.server.generated.model.GetApiKeyRelateProductResponse;
import dev.contractkit.ncp.server.generated.model.PatchSubscriptionRequest;
import dev.contractkit.ncp.server.generated.model.PostSubscriptionRequest;
import dev.contractkit.ncp.server.generated.model.PostUnSubscribeRequest;
import dev.contractkit.ncp.server.generated.model.PutApiKeyRelationRequest;
import dev.contractkit.ncp.server.generated.model.SearchApiKeyRelationsResponse;
import dev.contractkit.ncp.server.generated.model.SearchApiKeysRequest;
import dev.contractkit.ncp.server.generated.model.SearchApiKeysResponse;
import dev.contractkit.ncp.server.generated.model.SearchApiKeysWithProductRelationRequest;
import dev.contractkit.ncp.server.generated.model.SearchApiKeysWithProductRelationResponse;
import dev.contractkit.ncp.server.store.Page;
import dev.contractkit.ncp.server.subscription.Subscriptions;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;

/** NCP's subscription operations, key side and product side, over {@link Subscriptions}. */
@NonBlocking
public class SubscriptionsResource implements SubscriptionsApi {
    @Inject
    Subscriptions subscriptions;
    @Inject
    Caller caller;

    @Override
    public Uni<SearchApiKeysWithProductRelationResponse> searchApiKeysOfProduct(SearchApiKeysWithProductRelationRequest request) {
        return subscriptions.keysOfProduct(tenant(), request.getProductId(), SubscriptionModels.states(request.getStatusSet()), request.getApiKeyName(),
                        Page.offset(request.getOffset()), Page.limit(request.getLimit()))
                .map(page -> new SearchApiKeysWithProductRelationResponse()
                        .apiKeys(page.items().stream().map(SubscriptionModels::relation).toList())
                        .total(page.total()));
    }

    @Override
    public Uni<GetApiKeyRelateProductResponse> listProductsOfApiKey(String apiKeyId, Long offset, Long limit) {
        return subscriptions.productsOf(tenant(), apiKeyId, Page.offset(offset), Page.limit(limit))
                .map(page -> new GetApiKeyRelateProductResponse()
                        .apiKeyRelateProductDtos(page.items().stream().map(row -> SubscriptionModels.relatedProduct(row, tenant())).toList())
                        .total(page.total()));
    }

    @Override
    public Uni<Void> subscribeApiKey(String apiKeyId, PostSubscriptionRequest request) {
        return subscriptions.subscribe(tenant(), apiKeyId, request.getProductId());
    }

    @Override
    public Uni<Void> unsubscribeApiKey(String apiKeyId, PostUnSubscribeRequest request) {
        return subscriptions.unsubscribe(tenant(), apiKeyId, request.getProductId());
    }

    @Override
    public Uni<SearchApiKeyRelationsResponse> getSubscriptionDetailOfApiKey(String apiKeyId, String productId, String apiId, String stageId,
            Long offset, Long limit) {
        return detail(apiKeyId, productId, apiId, stageId, offset, limit);
    }

    @Override
    public Uni<SearchApiKeysResponse> searchApiKeysOfProductSide(String productId, SearchApiKeysRequest request) {
        return subscriptions.subscribersOf(tenant(), productId, request.getApiKeyValue(), request.getApiKeyId(), SubscriptionModels.states(request.getStatusSet()),
                        Page.offset(request.getOffset()), Page.limit(request.getLimit()))
                .map(page -> new SearchApiKeysResponse().apiKeyPage(new ApiKeySearchPage()
                        .content(page.items().stream().map(SubscriptionModels::subscriber).toList())
                        .total(page.total())));
    }

    @Override
    public Uni<Void> decideSubscription(String productId, String apiKeyId, PatchSubscriptionRequest request) {
        return subscriptions.decide(tenant(), apiKeyId, productId, request.getStatus());
    }

    @Override
    public Uni<Void> setUsagePlan(String productId, String apiKeyId, String stageId, PutApiKeyRelationRequest request) {
        return subscriptions.setUsagePlan(tenant(), apiKeyId, productId, stageId, request.getUsagePlanId());
    }

    @Override
    public Uni<SearchApiKeyRelationsResponse> getSubscriptionDetailOfProduct(String productId, String apiKeyId, String apiId, String stageId,
            Long offset, Long limit) {
        return detail(apiKeyId, productId, apiId, stageId, offset, limit);
    }

    private Uni<SearchApiKeyRelationsResponse> detail(String apiKeyId, String productId, String apiId, String stageId, Long offset, Long limit) {
        return subscriptions.stagesOf(tenant(), apiKeyId, productId, apiId, stageId, Page.offset(offset), Page.limit(limit))
                .map(page -> new SearchApiKeyRelationsResponse().apiKeyRelations(new ApiKeyRelationPage()
                        .content(page.items().stream().map(SubscriptionModels::stage).toList())
                        .total(page.total())));
    }

    private String tenant() {
        return caller.tenant().tenantId();
    }
}
