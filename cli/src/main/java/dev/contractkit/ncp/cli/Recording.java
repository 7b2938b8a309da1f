package dev.contractkit.ncp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A proxy recording (the fixtures the mock writes with {@code ncp.mock.record-dir}, in order) turned into a seed
 * file and a Pact v3 file. The seed holds the keys the recording ends with (as listed, fetched, made or edited,
 * less the deleted) and the products it saw. Each interaction is one exchange: its request as sent (the signed
 * headers as recorded, masked), its answer's status and Content-Type, and its body matched by type (arrays: any
 * number of items like the first), so it holds against any provider that answers in the same shapes; its
 * provider states are the ones the mock knows, derived from the path and the answer.
 */
final class Recording {
    static final String PROVIDER = "ncp-apigw-apikeys";
    private static final Pattern KEY_PATH = Pattern.compile("/api/v1/api-keys/(?!search$)([^/]+)(/[a-z-]+)?");
    private static final Pattern PRODUCT_PATH = Pattern.compile("/api/v1/products/([^/]+)(/api-keys/(?!search$)([^/]+).*|/.*)?");
    private static final List<String> SIGNED = List.of("x-ncp-apigw-timestamp", "x-ncp-iam-access-key", "x-ncp-apigw-signature-v2");

    private final ObjectMapper mapper;
    private final Map<String, ObjectNode> keys = new LinkedHashMap<>();
    private final Map<String, ObjectNode> products = new LinkedHashMap<>();
    private final ArrayNode interactions;

    Recording(ObjectMapper mapper) {
        this.mapper = mapper;
        this.interactions = mapper.createArrayNode();
    }

    /** Takes one fixture, in recording order. */
    void add(String name, JsonNode fixture) {
        JsonNode request = fixture.path("request");
        JsonNode response = fixture.path("response");
        String method = request.path("method").asText();
        String path = request.path("path").asText();
        int status = response.path("status").asInt();
        learn(method, path, status, response.path("body"));
        interactions.add(interaction(name, request, response, method, path, status));
    }

    private void learn(String method, String path, int status, JsonNode body) {
        if (status < 200 || status > 299) {
            return;
        }
        Matcher key = KEY_PATH.matcher(path);
        if (method.equals("DELETE") && key.matches() && key.group(2) == null) {
            keys.remove(key.group(1));
            return;
        }
        keep(body.path("apiKey"));
        body.path("apiKeys").forEach(this::keep);
        body.path("productPage").path("content").forEach(this::keepProduct);
        keepProduct(body.path("product"));
        if (key.matches() && key.group(2) == null) {
            keep(body); // GET, PUT and PATCH of one key answer the key itself
        }
        Matcher product = PRODUCT_PATH.matcher(path);
        if (product.matches() && product.group(2) == null) {
            keepProduct(body);
        }
    }

    private void keep(JsonNode key) {
        if (!key.path("apiKeyId").isTextual()) {
            return;
        }
        ObjectNode seed = mapper.createObjectNode();
        seed.put("apiKeyId", key.get("apiKeyId").asText());
        seed.put("apiKeyName", key.path("apiKeyName").asText(key.get("apiKeyId").asText()));
        seed.put("apiKeyDescription", key.path("apiKeyDescription").asText(""));
        seed.put("isEnabled", key.path("isEnabled").asBoolean(true));
        keys.put(key.get("apiKeyId").asText(), seed);
    }

    private void keepProduct(JsonNode product) {
        if (!product.path("productId").isTextual()) {
            return;
        }
        String id = product.get("productId").asText();
        ObjectNode seed = mapper.createObjectNode();
        seed.put("productId", id);
        seed.put("productName", product.path("productName").asText(id));
        seed.put("productDescription", product.path("productDescription").asText(""));
        seed.put("subscriptionCode", product.path("subscriptionCode").asText("PUBLIC").equals("PROTECTED") ? "PROTECTED" : "PUBLIC");
        seed.put("isPublished", product.path("isPublished").asBoolean(true));
        seed.put("invokeId", product.path("invokeId").asText(id.toLowerCase()));
        if (product.path("modTime").isTextual()) {
            seed.put("modTime", product.get("modTime").asText());
        }
        seed.putArray("apis");
        products.put(id, seed);
    }

    /** {@code {"apiKeys": [...], "products": [...]}} (no products when the recording saw none: the built-in catalogue). */
    ObjectNode seed() {
        ObjectNode seed = mapper.createObjectNode();
        seed.putArray("apiKeys").addAll(List.copyOf(keys.values()));
        if (!products.isEmpty()) {
            seed.putArray("products").addAll(List.copyOf(products.values()));
        }
        return seed;
    }

    ObjectNode pact(String consumer) {
        ObjectNode pact = mapper.createObjectNode();
        pact.putObject("consumer").put("name", consumer);
        pact.putObject("provider").put("name", PROVIDER);
        pact.set("interactions", interactions);
        pact.putObject("metadata").putObject("pactSpecification").put("version", "3.0.0");
        return pact;
    }

    int keyCount() {
        return keys.size();
    }

    int productCount() {
        return products.size();
    }

    int interactionCount() {
        return interactions.size();
    }

    private ObjectNode interaction(String name, JsonNode recorded, JsonNode answer, String method, String path, int status) {
        ObjectNode interaction = mapper.createObjectNode();
        interaction.put("description", name.replaceFirst("\\.json$", "") + ": " + method + " " + path + " answers " + status);
        ArrayNode states = interaction.putArray("providerStates");
        states(method, path, status, recorded).forEach((state, params) -> {
            ObjectNode entry = states.addObject().put("name", state);
            entry.set("params", params);
        });
        ObjectNode request = interaction.putObject("request");
        request.put("method", method);
        request.put("path", path);
        if (recorded.path("query").isTextual() && !recorded.get("query").asText().isEmpty()) {
            ObjectNode query = request.putObject("query");
            for (String pair : recorded.get("query").asText().split("&")) {
                String[] parts = pair.split("=", 2);
                ArrayNode values = query.has(decode(parts[0])) ? (ArrayNode) query.get(decode(parts[0])) : query.putArray(decode(parts[0]));
                values.add(parts.length > 1 ? decode(parts[1]) : "");
            }
        }
        ObjectNode headers = request.putObject("headers");
        for (String header : SIGNED) {
            headers.put(header, recorded.path("headers").path(header).asText("recorded"));
        }
        if (recorded.has("body")) {
            headers.put("Content-Type", recorded.path("headers").path("content-type").asText("application/json"));
            request.set("body", recorded.get("body"));
        }
        ObjectNode response = interaction.putObject("response");
        response.put("status", status);
        String contentType = answer.path("headers").path("content-type").asText(null);
        ObjectNode rules = response.putObject("matchingRules");
        if (contentType != null) {
            response.putObject("headers").put("Content-Type", contentType);
            rules.putObject("header").putObject("Content-Type").putArray("matchers").addObject()
                    .put("match", "regex").put("regex", Pattern.quote(contentType.split(";")[0].trim()) + ".*");
        }
        if (answer.has("body")) {
            JsonNode body = answer.get("body").deepCopy();
            ObjectNode bodyRules = rules.putObject("body");
            bodyRules.putObject("$").putArray("matchers").addObject().put("match", "type");
            response.set("body", byType(body, "$", bodyRules));
        }
        return interaction;
    }

    /** The body with each array cut to its first item, and a rule that any number of items like it match. */
    private JsonNode byType(JsonNode node, String path, ObjectNode rules) {
        if (node.isArray()) {
            rules.putObject(path).putArray("matchers").addObject().put("match", "type").put("min", 0);
            ArrayNode first = mapper.createArrayNode();
            if (!node.isEmpty()) {
                first.add(byType(node.get(0), path + "[*]", rules));
            }
            return first;
        }
        if (node.isObject()) {
            ObjectNode copy = mapper.createObjectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(), byType(field.getValue(), path + "." + field.getKey(), rules)));
            return copy;
        }
        return node;
    }

    /** The mock's provider states this exchange needs, by name, in the order they are set up. */
    private Map<String, ObjectNode> states(String method, String path, int status, JsonNode recorded) {
        Map<String, ObjectNode> states = new LinkedHashMap<>();
        if (status == 401) {
            states.put("the request signature is wrong", mapper.createObjectNode());
            return states;
        }
        Matcher key = KEY_PATH.matcher(path);
        Matcher product = PRODUCT_PATH.matcher(path);
        if (key.matches()) {
            String keyId = key.group(1);
            String below = key.group(2) == null ? "" : key.group(2);
            String productId = recorded.path("body").path("productId").asText(query(recorded, "productId"));
            if (status == 404) {
                states.put("no API key exists", params("apiKeyId", keyId));
            } else if ((below.equals("/unsubscribe") || below.equals("/subscription-detail")) && productId != null) {
                states.put("an API key is subscribed to a product", params("apiKeyId", keyId, "productId", productId));
            } else {
                ObjectNode params = params("apiKeyId", keyId);
                ObjectNode known = keys.get(keyId);
                if (known != null && !method.equals("DELETE")) {
                    params.put("apiKeyName", known.get("apiKeyName").asText());
                }
                states.put("an API key exists", params);
                if (below.equals("/subscribe") && productId != null) {
                    states.put("a product exists", params("productId", productId, "subscriptionCode", "PUBLIC"));
                }
            }
        } else if (product.matches() && status != 404) {
            String productId = product.group(1);
            if (product.group(3) != null) {
                states.put("an API key is subscribed to a product", params("apiKeyId", product.group(3), "productId", productId));
            } else {
                ObjectNode known = products.get(productId);
                states.put("a product exists", params("productId", productId, "subscriptionCode",
                        known == null ? "PUBLIC" : known.get("subscriptionCode").asText()));
            }
        }
        return states;
    }

    private ObjectNode params(String... pairs) {
        ObjectNode params = mapper.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return params;
    }

    private static String query(JsonNode recorded, String name) {
        for (String pair : recorded.path("query").asText("").split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts.length == 2 && decode(parts[0]).equals(name)) {
                return decode(parts[1]);
            }
        }
        return null;
    }

    static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
