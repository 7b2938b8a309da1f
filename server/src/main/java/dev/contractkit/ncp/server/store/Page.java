package dev.contractkit.ncp.server.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * One page of a list: the one paginator of the mock, with NCP's defaults. {@code total} counts the items
 * that match the filter over all pages; {@code initialCount} counts all items before the filter.
 */
public record Page<T>(List<T> items, long total, long initialCount) {
    /** NCP's defaults when a list call leaves out {@code offset} or {@code limit}. */
    public static final long DEFAULT_OFFSET = 0;
    public static final long DEFAULT_LIMIT = 20;

    public static long offset(Long offset) {
        return offset == null ? DEFAULT_OFFSET : offset;
    }

    public static long limit(Long limit) {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    /** The page of {@code all}, in its order. */
    public static <T> Page<T> of(Collection<? extends T> all, long offset, long limit) {
        return of(all, item -> true, offset, limit);
    }

    /**
     * The page of those of {@code all} that pass {@code filter}, in its order: one pass that keeps only the page's
     * items (a page of 20 from a tenant of 10,000 keys copies 20, not 10,000).
     */
    public static <T> Page<T> of(Collection<? extends T> all, Predicate<? super T> filter, long offset, long limit) {
        List<T> items = new ArrayList<>((int) Math.max(0, Math.min(limit, all.size())));
        long matching = 0;
        for (T item : all) {
            if (filter.test(item)) {
                if (matching >= offset && items.size() < limit) {
                    items.add(item);
                }
                matching++;
            }
        }
        return new Page<>(Collections.unmodifiableList(items), matching, all.size());
    }

    /** NCP's name filter: the name contains the text; null or empty matches every name. */
    public static boolean nameContains(String name, String text) {
        return text == null || text.isEmpty() || name.contains(text);
    }
}
