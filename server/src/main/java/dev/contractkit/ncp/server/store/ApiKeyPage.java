package dev.contractkit.ncp.server.store;

import java.util.List;

/**
 * One page of a tenant's keys. {@code total} counts the keys that match the filter over all pages;
 * {@code initialCount} counts all of the tenant's keys before the filter.
 */
public record ApiKeyPage(List<StoredApiKey> items, long total, long initialCount) {
}
