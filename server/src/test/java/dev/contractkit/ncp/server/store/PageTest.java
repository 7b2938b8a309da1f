package dev.contractkit.ncp.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The one paginator: a page is the slice of the matching items, whatever the collection it reads. */
class PageTest {

    @Property(tries = 300)
    void aPageIsTheSliceOfTheMatchingItems(@ForAll @Size(max = 60) List<@IntRange(max = 20) Integer> all,
            @ForAll @IntRange(max = 70) int offset, @ForAll @IntRange(max = 70) int limit) {
        Predicate<Integer> even = item -> item % 2 == 0;
        List<Integer> matching = all.stream().filter(even).toList();

        Page<Integer> page = Page.of(all, even, offset, limit);

        assertThat(page.items()).containsExactlyElementsOf(matching.stream().skip(offset).limit(limit).toList());
        assertThat(page.total()).isEqualTo(matching.size());
        assertThat(page.initialCount()).isEqualTo(all.size());
    }

    @Test
    void aPageOfAnyCollectionKeepsItsOrderAndCannotBeChanged() {
        Page<String> page = Page.of(new LinkedHashSet<>(List.of("c", "a", "b", "d")), 1, 2);

        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.total()).isEqualTo(4);
        assertThatThrownBy(() -> page.items().add("e"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
