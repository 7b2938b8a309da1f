package dev.contractkit.ncp.server.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.contractkit.ncp.server.store.Masking;
import java.io.IOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Masks what must not leave the proxy in a recording or a drift report, the way the mock masks keys in its
 * logs ({@link Masking}: five stars and the last four characters): key values, access and secret keys, tenant
 * ids, and any configured secret wherever it appears.
 */
public final class Scrubber {
    /** JSON fields whose values are secret or identify the account (its tenant, the user who changed a thing). */
    public static final Set<String> SECRET_FIELDS = Set.of("primaryKey", "secondaryKey", "accessKey", "secretKey", "tenantId", "modifier");

    private final List<String> secrets;
    private final ObjectMapper mapper;

    public Scrubber(Set<String> secrets, ObjectMapper mapper) {
        // longest first, so that a secret containing another is masked whole
        this.secrets = secrets.stream().filter(secret -> secret != null && !secret.isEmpty())
                .sorted((a, b) -> b.length() - a.length()).toList();
        this.mapper = mapper;
    }

    /** This scrubber, also masking every value of a secret field in these JSON bodies wherever it appears as text. */
    public Scrubber including(String... bodies) {
        Set<String> more = new HashSet<>(secrets);
        for (String body : bodies) {
            if (body == null || body.isEmpty()) {
                continue;
            }
            try {
                collect(mapper.readTree(body), more);
            } catch (IOException notJson) {
                // nothing to collect
            }
        }
        return more.size() == secrets.size() ? this : new Scrubber(more, mapper);
    }

    private static void collect(JsonNode node, Set<String> into) {
        if (node == null) {
            return;
        }
        node.fields().forEachRemaining(field -> {
            if (SECRET_FIELDS.contains(field.getKey()) && field.getValue().isTextual() && field.getValue().asText().length() > 4) {
                into.add(field.getValue().asText());
            }
        });
        node.forEach(child -> collect(child, into));
    }

    /** A body as text: JSON with its secret fields masked, any other text with the configured secrets masked. */
    public String body(String body) {
        if (body == null || body.isEmpty()) {
            return body;
        }
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree != null && (tree.isObject() || tree.isArray())) {
                return mapper.writeValueAsString(json(tree));
            }
        } catch (IOException notJson) {
            // masked as text below
        }
        return text(body);
    }

    /** A copy of the JSON tree with every secret field and configured secret masked. */
    public JsonNode json(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = mapper.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                copy.set(field.getKey(), SECRET_FIELDS.contains(field.getKey()) && value.isTextual()
                        ? TextNode.valueOf(Masking.mask(value.asText())) : json(value));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = mapper.createArrayNode();
            node.forEach(item -> copy.add(json(item)));
            return copy;
        }
        return node.isTextual() ? TextNode.valueOf(text(node.asText())) : node;
    }

    /** Text with every configured secret masked. */
    public String text(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, Masking.mask(secret));
        }
        return masked;
    }
}
