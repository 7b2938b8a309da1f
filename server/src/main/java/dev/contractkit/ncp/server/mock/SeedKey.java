package dev.contractkit.ncp.server.mock;

/** One entry of the seed file. Key values (and the ID) may be left out; they are then drawn once, when first loaded, and kept across resets. */
record SeedKey(String apiKeyId, String apiKeyName, String apiKeyDescription, Boolean isEnabled,
        String primaryKey, String secondaryKey) {
}
