package dev.contractkit.ncp.server.seed;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One entry of the seed file. Key values (and the ID) may be left out; they are then drawn once, when first loaded, and kept across resets. */
record SeedKey(String apiKeyId, String apiKeyName, String apiKeyDescription, Boolean isEnabled,
        String primaryKey, String secondaryKey) {

    /**
     * The entries of a seed file, read from its JSON tree: at start-up this costs a fraction of what building
     * a data-binding deserializer does. Fields it does not know are ignored, as everywhere in the mock.
     */
    static List<SeedKey> listFrom(JsonNode file) {
        if (!file.isArray()) {
            throw new IllegalArgumentException("the seed file must hold a JSON array of keys");
        }
        List<SeedKey> keys = new ArrayList<>();
        for (JsonNode entry : file) {
            if (!entry.isObject()) {
                throw new IllegalArgumentException("every entry of the seed file must be a JSON object: " + entry);
            }
            JsonNode enabled = entry.get("isEnabled");
            if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) {
                throw new IllegalArgumentException("isEnabled of a seed key must be true or false: " + entry);
            }
            keys.add(new SeedKey(text(entry, "apiKeyId"), text(entry, "apiKeyName"), text(entry, "apiKeyDescription"),
                    enabled == null || enabled.isNull() ? null : enabled.booleanValue(),
                    text(entry, "primaryKey"), text(entry, "secondaryKey")));
        }
        return keys;
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " of a seed key must be a string: " + entry);
        }
        return value.textValue();
    }
}
