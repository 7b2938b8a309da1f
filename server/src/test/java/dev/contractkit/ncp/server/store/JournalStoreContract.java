package dev.contractkit.ncp.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every journal store does, in memory and in Redis: one journal per tenant, each capped on its own. */
abstract class JournalStoreContract {
    /** A store whose journals are empty, each capped at {@code size} entries. */
    abstract JournalStore emptyStore(int size);

    private static List<String> entries(JournalStore store, String journalId) {
        return store.entries(journalId).await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void eachJournalKeepsItsNewestEntriesUpToTheCapOldestFirst() {
        JournalStore store = emptyStore(3);
        for (int i = 1; i <= 5; i++) {
            String entry = "{\"n\":" + i + "}";
            store.add("ws-busy", () -> entry);
        }
        store.add("ws-quiet", () -> "{\"n\":1}");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> entries(store, "ws-busy").equals(List.of("{\"n\":3}", "{\"n\":4}", "{\"n\":5}")));
        assertThat(entries(store, "ws-quiet")).as("a busy journal never pushes another's entries out").containsExactly("{\"n\":1}");
    }

    @Test
    void clearingForgetsOneJournalAlone() {
        JournalStore store = emptyStore(10);
        store.add("mock", () -> "a");
        store.add("ws-one", () -> "b");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> entries(store, "ws-one").size() == 1);
        store.clear("ws-one").await().atMost(Duration.ofSeconds(5));
        assertThat(entries(store, "ws-one")).isEmpty();
        assertThat(entries(store, "mock")).containsExactly("a");
        assertThat(entries(store, "never-written")).isEmpty();
    }

    @Test
    void theJournalOfAWorkspaceIsApartFromTheConfiguredTenants() {
        assertThat(JournalStore.journalOf(null)).isNotEqualTo(JournalStore.journalOf("mock"));
        assertThat(JournalStore.journalOf("abc")).isNotEqualTo(JournalStore.journalOf("abd"));
    }
}
