package dev.contractkit.ncp.server.mock;

/** One entry of the seed file. Key values may be left out; they are then drawn at start-up. */
record SeedKey(String apiKeyId, String apiKeyName, String apiKeyDescription, Boolean isEnabled,
        String primaryKey, String secondaryKey) {
}
