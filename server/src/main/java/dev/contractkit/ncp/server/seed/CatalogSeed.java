package dev.contractkit.ncp.server.seed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.ncp.server.generated.model.SubscriptionCode;
import dev.contractkit.ncp.server.subscription.CatalogProduct;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code products} of a seed file (JSON tree), naming the field of any mistake. */
public final class CatalogSeed {

    private CatalogSeed() {
    }

    public static List<CatalogProduct> products(JsonNode products) {
        if (!products.isArray()) {
            throw new IllegalArgumentException("products of the seed must be a JSON array");
        }
        List<CatalogProduct> out = new ArrayList<>();
        for (JsonNode product : products) {
            String productId = id(product, "productId");
            List<CatalogProduct.Api> apis = new ArrayList<>();
            for (JsonNode api : array(product, "apis", productId)) {
                List<CatalogProduct.Stage> stages = new ArrayList<>();
                for (JsonNode stage : array(api, "stages", productId)) {
                    List<CatalogProduct.UsagePlan> plans = new ArrayList<>();
                    for (JsonNode plan : array(stage, "usagePlans", productId)) {
                        plans.add(new CatalogProduct.UsagePlan(id(plan, "usagePlanId"), text(plan, "usagePlanName", productId)));
                    }
                    stages.add(new CatalogProduct.Stage(id(stage, "stageId"), text(stage, "stageName", productId),
                            flag(stage, "deployed", true, productId), plans));
                }
                apis.add(new CatalogProduct.Api(id(api, "apiId"), text(api, "apiName", productId), stages));
            }
            String code = text(product, "subscriptionCode", productId);
            SubscriptionCode subscriptionCode;
            try {
                subscriptionCode = SubscriptionCode.fromValue(code);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("subscriptionCode of seed product " + productId + " must be PUBLIC or PROTECTED, not " + code);
            }
            Instant modTime;
            try {
                modTime = product.hasNonNull("modTime") ? Instant.parse(product.get("modTime").asText()) : Instant.parse("2024-05-01T00:00:00Z");
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("modTime of seed product " + productId + " must be an RFC 3339 UTC time like 2024-05-01T00:00:00Z");
            }
            out.add(new CatalogProduct(productId, text(product, "productName", productId),
                    product.hasNonNull("productDescription") ? product.get("productDescription").asText() : "",
                    subscriptionCode, flag(product, "isPublished", true, productId), text(product, "invokeId", productId), modTime, apis));
        }
        return out;
    }

    private static String id(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty() || value.asText().length() > 10) {
            throw new IllegalArgumentException(field + " of every seed product, API, stage and usage plan must be a string of 1 to 10 characters: " + node);
        }
        return value.asText();
    }

    private static String text(JsonNode node, String field, String productId) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(field + " (a string) is missing in seed product " + productId);
        }
        return value.asText();
    }

    private static boolean flag(JsonNode node, String field, boolean fallback, String productId) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(field + " in seed product " + productId + " must be true or false");
        }
        return value.booleanValue();
    }

    private static Iterable<JsonNode> array(JsonNode node, String field, String productId) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw new IllegalArgumentException(field + " of seed product " + productId + " must be a non-empty array");
        }
        return value;
    }
}
