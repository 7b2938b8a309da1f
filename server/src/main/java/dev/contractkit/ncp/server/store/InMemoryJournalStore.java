package dev.contractkit.ncp.server.store;

import io.smallrye.mutiny.Uni;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The journals of one process: each capped at {@code size} entries, under its own lock, kept as given (written out when read). */
public class InMemoryJournalStore implements JournalStore {
    private final int size;
    private final Map<String, ArrayDeque<Supplier<String>>> journals = new ConcurrentHashMap<>();

    public InMemoryJournalStore(int size) {
        this.size = size;
    }

    @Override
    public void add(String journalId, Supplier<String> entry) {
        ArrayDeque<Supplier<String>> journal = journals.computeIfAbsent(journalId, id -> new ArrayDeque<>());
        synchronized (journal) {
            if (journal.size() >= size) {
                journal.removeFirst();
            }
            journal.addLast(entry);
        }
    }

    @Override
    public Uni<List<String>> entries(String journalId) {
        ArrayDeque<Supplier<String>> journal = journals.get(journalId);
        if (journal == null) {
            return Uni.createFrom().item(List.of());
        }
        List<Supplier<String>> copy;
        synchronized (journal) {
            copy = new ArrayList<>(journal);
        }
        return Uni.createFrom().item(copy.stream().map(Supplier::get).toList());
    }

    @Override
    public Uni<Long> size(String journalId) {
        ArrayDeque<Supplier<String>> journal = journals.get(journalId);
        if (journal == null) {
            return Uni.createFrom().item(0L);
        }
        synchronized (journal) {
            return Uni.createFrom().item((long) journal.size());
        }
    }

    @Override
    public Uni<Void> clear(String journalId) {
        journals.remove(journalId);
        return Uni.createFrom().voidItem();
    }
}
