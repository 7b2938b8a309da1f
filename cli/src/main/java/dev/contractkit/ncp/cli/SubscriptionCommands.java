package dev.contractkit.ncp.cli;

import dev.contractkit.ncp.client.NcpApiKeysClient;
import dev.contractkit.ncp.client.generated.model.PatchSubscriptionRequest;
import dev.contractkit.ncp.client.generated.model.PostSubscriptionRequest;
import dev.contractkit.ncp.client.generated.model.PostUnSubscribeRequest;
import dev.contractkit.ncp.client.generated.model.PutApiKeyRelationRequest;
import dev.contractkit.ncp.client.generated.model.SearchApiKeysRequest;
import dev.contractkit.ncp.client.generated.model.SubscriptionCode;
import dev.contractkit.ncp.client.generated.model.SubscriptionDecision;
import dev.contractkit.ncp.client.generated.model.SubscriptionStatus;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The product and subscription commands: the lifecycle of a key around products, from either side. */
final class SubscriptionCommands {

    private SubscriptionCommands() {
    }

    /** Paging options shared by the listing commands. */
    abstract static class Paged extends ApiCall {
        @Option(names = "--offset", description = "How many items to skip")
        Long offset;

        @Option(names = "--limit", description = "The most items to return")
        Long limit;
    }

    @Command(name = "catalog", description = "List the products API keys can subscribe to.")
    static class Catalog extends Paged {
        @Option(names = "--name", description = "Keep products whose name contains this text")
        String name;

        @Option(names = "--subscription-code", paramLabel = "PUBLIC|PROTECTED", description = "Keep only ${COMPLETION-CANDIDATES} products")
        SubscriptionCode subscriptionCode;

        @Override
        Object call(NcpApiKeysClient.Builder clients) {
            return clients.products().listProducts(name, subscriptionCode, null, null, null, offset, limit);
        }
    }

    @Command(name = "products", description = "List the products an API key has a subscription to, with its status.")
    static class Products extends Paged {
        @Parameters(paramLabel = "KEY", description = "The API key's ID")
        String apiKeyId;

        @Override
        Object call(NcpApiKeysClient.Builder clients) {
            return clients.subscriptions().listProductsOfApiKey(apiKeyId, offset, limit);
        }
    }

    @Command(name = "subscribe", description = "Subscribe an API key to a product: accepted at once on a PUBLIC product, "
            + "a request (REQUEST) on a PROTECTED one. NCP answers 200 with no body, so nothing is printed.")
    static class Subscribe extends ApiCall {
        @Parameters(paramLabel = "KEY", description = "The API key's ID")
        String apiKeyId;

        @Option(names = "--product", required = true, paramLabel = "PRODUCT", description = "The product's ID")
        String productId;

        @Override
        Object call(NcpApiKeysClient.Builder clients) {
            clients.subscriptions().subscribeApiKey(apiKeyId, new PostSubscriptionRequest().productId(productId));
            return null;
        }
    }

    @Command(name = "unsubscribe", description = "End an API key's subscription to a product. Nothing is printed.")
    static class Unsubscribe extends ApiCall {
        @Parameters(paramLabel = "KEY", description = "The API key's ID")
        String apiKeyId;

        @Option(names = "--product", required = true, paramLabel = "PRODUCT", description = "The product's ID")
        String productId;

        @Override
        Object call(NcpApiKeysClient.Builder clients) {
            clients.subscriptions().unsubscribeApiKey(apiKeyId, new PostUnSubscribeRequest().productId(productId));
            return null;
        }
    }

    @Command(name = "subscriptions", description = "List the stages of a product an API key's subscription reaches, with their usage plans.")
    static class Stages extends Paged {
        @Parameters(paramLabel = "KEY", description = "The API key's ID")
        String apiKeyId;

        @Option(names = "--product", required = true, paramLabel = "PRODUCT", description = "The product's ID")
        String productId;

        @Option(names = "--api", paramLabel = "API", description = "Keep only the stages of this API")
        String apiId;

        @Option(names = "--stage", paramLabel = "STAGE", description = "Keep only this stage")
        String stageId;

        @Override
        Object call(NcpApiKeysClient.Builder clients) {
            return clients.subscriptions().getSubscriptionDetailOfApiKey(apiKeyId, productId, apiId, stageId, offset, limit);
        }
    }

    /** The product side's decision on a key's subscription. */
    abstract static class Decision extends ApiCall {
        @Parameters(index = "0", paramLabel = "PRODUCT", description = "The product's ID")
        String productId;

        @Parameters(index = "1", paramLabel = "KEY", description = "The API key's ID")
        String apiKeyId;

        abstract SubscriptionDecision decision();

        @Override
        Object call(NcpApiKeysClient.Builder clients) {
            clients.subscriptions().decideSubscription(productId, apiKeyId, new PatchSubscriptionRequest().status(decision()));
            return null;
        }
    }

    @Command(name = "approve", description = "Approve an API key's subscription to a product (product side). Nothing is printed.")
    static class Approve extends Decision {
        @Override
        SubscriptionDecision decision() {
            return SubscriptionDecision.ACCEPTED;
        }
    }

    @Command(name = "reject", description = "Reject (or revoke) an API key's subscription to a product (product side). Nothing is printed.")
    static class Reject extends Decision {
        @Override
        SubscriptionDecision decision() {
            return SubscriptionDecision.REJECTED;
        }
    }

    @Command(name = "product-keys", description = "List the API keys subscribed to a product, with their key values and status (product side).")
    static class ProductKeys extends Paged {
        @Parameters(paramLabel = "PRODUCT", description = "The product's ID")
        String productId;

        @Option(names = "--key-value", paramLabel = "VALUE", description = "Find the key whose primary or secondary key value this is")
        String keyValue;

        @Option(names = "--key", paramLabel = "KEY", description = "Keep only the API key with this ID")
        String apiKeyId;

        @Option(names = "--status", split = ",", paramLabel = "STATUS", description = "Keep only these statuses: ${COMPLETION-CANDIDATES}")
        List<SubscriptionStatus> statuses;

        @Override
        Object call(NcpApiKeysClient.Builder clients) {
            return clients.subscriptions().searchApiKeysOfProductSide(productId, new SearchApiKeysRequest()
                    .apiKeyValue(keyValue).apiKeyId(apiKeyId).statusSet(statuses).offset(offset).limit(limit));
        }
    }

    @Command(name = "set-plan", description = "Set the usage plan of an API key on a stage of a product (product side); "
            + "without --plan the stage's default plan applies again. Nothing is printed.")
    static class SetPlan extends ApiCall {
        @Parameters(index = "0", paramLabel = "PRODUCT", description = "The product's ID")
        String productId;

        @Parameters(index = "1", paramLabel = "KEY", description = "The API key's ID")
        String apiKeyId;

        @Parameters(index = "2", paramLabel = "STAGE", description = "The stage's ID")
        String stageId;

        @Option(names = "--plan", paramLabel = "USAGE-PLAN", description = "The usage plan's ID")
        String usagePlanId;

        @Override
        Object call(NcpApiKeysClient.Builder clients) {
            clients.subscriptions().setUsagePlan(productId, apiKeyId, stageId, new PutApiKeyRelationRequest().usagePlanId(usagePlanId));
            return null;
        }
    }
}
