package dev.contractkit.ncp.server.store;

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
    public static <T> Page<T> of(List<T> all, long offset, long limit) {
        return of(all, item -> true, offset, limit);
    }

    /** The page of those of {@code all} that pass {@code filter}, in its order. */
    public static <T> Page<T> of(List<T> all, Predicate<? super T> filter, long offset, long limit) {
        List<T> matching = all.stream().<T>map(item -> item).filter(filter).toList();
        return new Page<>(matching.stream().skip(offset).limit(limit).toList(), matching.size(), all.size());
    }

    /** NCP's name filter: the name contains the text; null or empty matches every name. */
    public static boolean nameContains(String name, String text) {
        return text == null || text.isEmpty() || name.contains(text);
    }
}
