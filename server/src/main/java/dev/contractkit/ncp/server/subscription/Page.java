package dev.contractkit.ncp.server.subscription;

import java.util.List;

/** One page of a list, with how many items match over all pages. */
public record Page<T>(List<T> items, long total) {

    public static <T> Page<T> of(List<T> all, long offset, long limit) {
        return new Page<>(all.stream().skip(offset).limit(limit).toList(), all.size());
    }
}
