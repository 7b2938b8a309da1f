package dev.contractkit.ncp.server.store;

import java.util.List;

/**
 * One page of a tenant's keys. {@code total} counts the keys that match the filter over all pages;
 * {@code initialCount} counts all of the tenant's keys before the filter.
 */
public record ApiKeyPage(List<StoredApiKey> items, long total, long initialCount) {

    /** The page of {@code all} (in creation order) whose names contain {@code nameContains} (null or empty: all). */
    public static ApiKeyPage of(List<StoredApiKey> all, String nameContains, long offset, long limit) {
        List<StoredApiKey> matching = nameContains == null || nameContains.isEmpty()
                ? all
                : all.stream().filter(key -> key.apiKeyName().contains(nameContains)).toList();
        List<StoredApiKey> page = matching.stream().skip(offset).limit(limit).toList();
        return new ApiKeyPage(page, matching.size(), all.size());
    }
}
