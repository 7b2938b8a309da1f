package dev.contractkit.ncp.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.store.Workspace;
import dev.contractkit.ncp.server.workspace.Workspaces;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The JSON of {@code POST /mock/workspaces} and of its answers. */
final class WorkspaceBodies {
    private static final Set<String> FIELDS = Set.of("name", "ttlSeconds", "contractTesting", "seed");

    private WorkspaceBodies() {
    }

    /** The optional body {@code {"name", "ttlSeconds", "contractTesting", "seed"}}; a wrong one names its field. */
    static Workspaces.Request request(ObjectMapper mapper, Buffer body) {
        if (body == null || body.length() == 0) {
            return new Workspaces.Request(null, null, null, null);
        }
        JsonNode root;
        try {
            root = mapper.readTree(body.getBytes());
        } catch (IOException notJson) {
            throw new IllegalArgumentException("The body must be a JSON object.");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("The body must be a JSON object.");
        }
        root.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("Unknown field '" + field + "'; a workspace takes name, ttlSeconds, contractTesting, seed.");
            }
        });
        JsonNode name = root.get("name");
        JsonNode ttl = root.get("ttlSeconds");
        JsonNode contractTesting = root.get("contractTesting");
        JsonNode seed = root.get("seed");
        if (name != null && !name.isNull() && !name.isTextual()) {
            throw new IllegalArgumentException("name must be a string.");
        }
        if (ttl != null && !ttl.isNull() && !(ttl.isIntegralNumber() && ttl.canConvertToLong())) {
            throw new IllegalArgumentException("ttlSeconds must be a whole number of seconds.");
        }
        if (contractTesting != null && !contractTesting.isNull() && !contractTesting.isBoolean()) {
            throw new IllegalArgumentException("contractTesting must be true or false.");
        }
        if (seed != null && !seed.isNull() && !seed.isObject() && !seed.isArray()) {
            throw new IllegalArgumentException("seed must be a seed document: an array of keys, or {\"apiKeys\": [...], \"products\": [...]}.");
        }
        return new Workspaces.Request(name == null || name.isNull() ? null : name.asText(),
                ttl == null || ttl.isNull() ? null : ttl.asLong(),
                contractTesting == null || contractTesting.isNull() ? null : contractTesting.asBoolean(),
                seed == null || seed.isNull() ? null : seed.toString());
    }

    /** A workspace in the operator's list: what it is, when it was made and last used, how many keys it holds; no secret. */
    static Map<String, Object> summary(Workspace workspace, int keyCount, String baseUrl) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("workspaceId", workspace.workspaceId());
        fields.put("name", workspace.name());
        fields.put("accessKey", workspace.accessKey());
        fields.put("baseUrl", baseUrl);
        fields.put("createdAt", workspace.createdAt().toString());
        fields.put("lastUsedAt", workspace.lastUsedAt().toString());
        fields.put("expiresAt", workspace.expiresAt().toString());
        fields.put("contractTesting", workspace.contractTesting());
        fields.put("keyCount", keyCount);
        return fields;
    }

    /** {@code {"workspace": {...}}}: the credentials (the secret only in the answer that made it), where to call, and until when. */
    static Map<String, Object> answer(Workspace workspace, String baseUrl, boolean withSecret) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("workspaceId", workspace.workspaceId());
        fields.put("name", workspace.name());
        fields.put("accessKey", workspace.accessKey());
        if (withSecret) {
            fields.put("secretKey", workspace.secretKey());
        }
        fields.put("baseUrl", baseUrl);
        fields.put("expiresAt", workspace.expiresAt().toString());
        fields.put("contractTesting", workspace.contractTesting());
        return Map.of("workspace", fields);
    }
}
