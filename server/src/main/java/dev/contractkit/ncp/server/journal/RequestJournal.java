package dev.contractkit.ncp.server.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.contractkit.ncp.server.config.NcpMockConfig;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the mock answered, for a frontend developer to see what their app really sent (WireMock's request
 * journal): the last {@code ncp.mock.journal-size} requests ({@link JournalCapture} says which), oldest
 * first, in bounded memory. Thread-safe: one short lock per answered request.
 */
@Singleton
public class RequestJournal {
    /**
     * One answered request. {@code errorCode} is null on success; {@code body} is null when none was read;
     * {@code apiKeyId} names the key of a gateway call; {@code workspaceId} the workspace whose prefix it came under.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Entry(String time, String method, String path, String accessKey, String apiKeyId, int status, String errorCode,
            long durationMs, String body, String workspaceId) {
    }

    private final int size;
    private final ArrayDeque<Entry> entries;

    public RequestJournal(NcpMockConfig config) {
        this.size = config.journalSize();
        this.entries = new ArrayDeque<>(Math.min(size, 1024));
    }

    public boolean enabled() {
        return size > 0;
    }

    void add(Entry entry) {
        synchronized (entries) {
            if (entries.size() == size) {
                entries.removeFirst();
            }
            entries.addLast(entry);
        }
    }

    /** The entries that pass the filter, oldest first. */
    public List<Entry> entries(Predicate<Entry> filter) {
        List<Entry> copy;
        synchronized (entries) {
            copy = new ArrayList<>(entries);
        }
        return copy.stream().filter(filter).toList();
    }

    /** Forgets the entries that pass the filter (one workspace's, or those of no workspace). */
    public void clear(Predicate<Entry> filter) {
        synchronized (entries) {
            entries.removeIf(filter);
        }
    }
}
