package dev.contractkit.ncp.server.subscription;

import java.util.List;

/** One page of a list, with how many items match over all pages. */
public record Page<T>(List<T> items, long total) {

    public static <T> Page<T> of(List<T> all, long offset, long limit) {
        int from = (int) Math.min(offset, all.size());
        int to = (int) Math.min(all.size(), from + Math.min(limit, Integer.MAX_VALUE));
        return new Page<>(List.copyOf(all.subList(from, to)), all.size());
    }
}
