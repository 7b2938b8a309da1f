package dev.contractkit.ncp.server.seed;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The shape of a workspace's own seed, checked before anything of it is kept: only the fields a seed file has
 * (a field it does not know is refused, not kept), each as long as the API allows it, and at most
 * {@code maxEntries} keys and {@code maxEntries} products ({@code ncp.mock.workspace-seed-keys}). Framework-free;
 * an {@link IllegalArgumentException} names the place and the rule.
 */
public final class SeedDocumentCheck {
    private static final Set<String> ROOT = Set.of("apiKeys", "products");
    private static final Map<String, Integer> KEY = Map.of("apiKeyId", 10, "apiKeyName", 20, "apiKeyDescription", 50, "isEnabled", 0,
            "primaryKey", 100, "secondaryKey", 100);
    private static final Map<String, Integer> PRODUCT = Map.of("productId", 10, "productName", 100, "productDescription", 500,
            "subscriptionCode", 20, "isPublished", 0, "invokeId", 20, "modTime", 40, "apis", -1);
    private static final Map<String, Integer> API = Map.of("apiId", 10, "apiName", 100, "stages", -1);
    private static final Map<String, Integer> STAGE = Map.of("stageId", 10, "stageName", 100, "deployed", 0, "throttleRps", 0,
            "endpointDomain", 2048, "usagePlans", -1);
    private static final Map<String, Integer> PLAN = Map.of("usagePlanId", 10, "usagePlanName", 100, "rateRps", 0, "dayQuotaRequest", 0,
            "monthQuotaRequest", 0, "quotaCondition", 100);
    /** APIs per product, stages per API, usage plans per stage. */
    static final int MAX_CHILDREN = 20;

    private SeedDocumentCheck() {
    }

    /** Checks a seed document: an array of keys, or {@code {"apiKeys": [...], "products": [...]}}. */
    public static void check(JsonNode root, int maxEntries) {
        JsonNode keys = root;
        if (root.isObject()) {
            unknownFields(root, ROOT, "the seed");
            keys = root.path("apiKeys");
            JsonNode products = root.get("products");
            if (products != null && !products.isNull()) {
                entries(products, "products", maxEntries);
                int index = 0;
                for (JsonNode product : products) {
                    String place = "products[" + index++ + "]";
                    fields(product, PRODUCT, place);
                    children(product, "apis", place, (api, apiPlace) -> {
                        fields(api, API, apiPlace);
                        children(api, "stages", apiPlace, (stage, stagePlace) -> {
                            fields(stage, STAGE, stagePlace);
                            children(stage, "usagePlans", stagePlace, (plan, planPlace) -> fields(plan, PLAN, planPlace));
                        });
                    });
                }
            }
        } else if (!root.isArray()) {
            throw new IllegalArgumentException("the seed must be an array of keys or {\"apiKeys\": [...], \"products\": [...]}");
        }
        if (!keys.isMissingNode() && !keys.isNull()) {
            entries(keys, "apiKeys", maxEntries);
            int index = 0;
            for (JsonNode key : keys) {
                fields(key, KEY, "apiKeys[" + index++ + "]");
            }
        }
    }

    private interface Child {
        void check(JsonNode node, String place);
    }

    private static void children(JsonNode parent, String field, String place, Child child) {
        JsonNode list = parent.get(field);
        if (list == null || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException(place + "." + field + " must be an array");
        }
        if (list.size() > MAX_CHILDREN) {
            throw new IllegalArgumentException(place + "." + field + " holds " + list.size() + " entries; at most " + MAX_CHILDREN);
        }
        int index = 0;
        for (JsonNode node : list) {
            child.check(node, place + "." + field + "[" + index++ + "]");
        }
    }

    private static void entries(JsonNode list, String name, int max) {
        if (!list.isArray()) {
            throw new IllegalArgumentException(name + " must be an array");
        }
        if (list.size() > max) {
            throw new IllegalArgumentException(name + " holds " + list.size() + " entries; a workspace's seed may hold at most " + max
                    + " (ncp.mock.workspace-seed-keys)");
        }
    }

    /** Every field known, every text within its length (0: not a text; -1: a list, checked on its own). */
    private static void fields(JsonNode node, Map<String, Integer> known, String place) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(place + " must be a JSON object");
        }
        unknownFields(node, known.keySet(), place);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            int max = known.get(field.getKey());
            JsonNode value = field.getValue();
            if (max > 0 && value.isTextual() && value.textValue().length() > max) {
                throw new IllegalArgumentException(place + "." + field.getKey() + " is " + value.textValue().length()
                        + " characters long; at most " + max);
            }
            if (max > 0 && !value.isNull() && !value.isTextual()) {
                throw new IllegalArgumentException(place + "." + field.getKey() + " must be a string");
            }
        }
    }

    private static void unknownFields(JsonNode node, Set<String> known, String place) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new IllegalArgumentException(place + " has an unknown field '" + (name.length() > 40 ? name.substring(0, 40) + "..." : name)
                        + "'; it takes " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }
}
