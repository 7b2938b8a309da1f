package dev.contractkit.ncp.server.seed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.contractkit.ncp.server.generated.model.SubscriptionCode;
import dev.contractkit.ncp.server.subscription.CatalogProduct;
import java.net.URI;
import java.net.URISyntaxException;
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
                        plans.add(new CatalogProduct.UsagePlan(id(plan, "usagePlanId"), text(plan, "usagePlanName", productId),
                                limit(plan, "rateRps", productId), limit(plan, "dayQuotaRequest", productId),
                                limit(plan, "monthQuotaRequest", productId), optionalText(plan, "quotaCondition", productId)));
                    }
                    stages.add(new CatalogProduct.Stage(id(stage, "stageId"), text(stage, "stageName", productId),
                            flag(stage, "deployed", true, productId), plans, limit(stage, "throttleRps", productId),
                            backend(stage, productId)));
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

    /** A limit: absent, null or 0 means none; else a whole number above 0. */
    private static long limit(JsonNode node, String field, String productId) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 0) {
            throw new IllegalArgumentException(field + " in seed product " + productId + " must be a whole number, 0 or more (0: no limit), not " + value);
        }
        return value.asLong();
    }

    private static String optionalText(JsonNode node, String field, String productId) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " in seed product " + productId + " must be a string");
        }
        return value.asText();
    }

    /** A stage's backend: an absolute http or https URL, or none. */
    private static String backend(JsonNode stage, String productId) {
        String url = optionalText(stage, "endpointDomain", productId);
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("not an http or https URL");
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalArgumentException("endpointDomain in seed product " + productId + " must be an http or https URL, not " + url);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * A product's {@code apis} may be empty (a product with no API yet, or one seeded from a recording: NCP's
     * product answers do not list their APIs); an API's {@code stages} and a stage's {@code usagePlans} may not.
     */
    private static Iterable<JsonNode> array(JsonNode node, String field, String productId) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray() || value.isEmpty() && !field.equals("apis")) {
            throw new IllegalArgumentException(field + " of seed product " + productId + " must be a non-empty array");
        }
        return value;
    }
}
