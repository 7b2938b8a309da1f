package dev.contractkit.ncp.server.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.config.NcpMockConfig;
import dev.contractkit.ncp.server.store.JournalStore;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the mock answered, for a frontend developer to see what their app really sent (WireMock's request
 * journal): one journal per tenant, a workspace's own or the configured tenants' one, each keeping its last
 * {@code ncp.mock.journal-size} requests ({@link JournalCapture} says which), listed in the order they arrived. The entries live in the
 * {@link JournalStore}: in memory, or in Redis, where every replica writes to and reads from the same journals.
 */
@Singleton
public class RequestJournal {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One answered request. {@code errorCode} is null on success; {@code body} is null when none was read;
     * {@code apiKeyId} names the key of a gateway call; {@code workspaceId} the workspace whose prefix it came under.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Entry(String time, String method, String path, String accessKey, String apiKeyId, int status, String errorCode,
            long durationMs, String body, String workspaceId) {
    }

    private final boolean enabled;
    private final JournalStore store;

    public RequestJournal(NcpMockConfig config, JournalStore store) {
        this.enabled = config.journalSize() > 0;
        this.store = store;
    }

    public boolean enabled() {
        return enabled;
    }

    void add(Entry entry) {
        store.add(JournalStore.journalOf(entry.workspaceId()), () -> json(entry));
    }

    private static String json(Entry entry) {
        try {
            return JSON.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The entries of one workspace's journal (null: the configured tenants') that pass the filter, in the order the
     * requests arrived: replicas on one Redis write their entries a few at a time, so the journal's own order can
     * put one replica's later call before another's earlier one.
     */
    public Uni<List<Entry>> entries(String workspaceId, Predicate<Entry> filter) {
        return store.entries(JournalStore.journalOf(workspaceId)).map(entries -> entries.stream().map(RequestJournal::entry).filter(filter)
                .sorted(ARRIVAL).toList());
    }

    /** By the time each request arrived (ISO-8601 instants of varying precision, so compared as instants). */
    private static final Comparator<Entry> ARRIVAL = Comparator.comparing(entry -> Instant.parse(entry.time()));

    /** Forgets one workspace's journal (null: the configured tenants'). */
    public Uni<Void> clear(String workspaceId) {
        return store.clear(JournalStore.journalOf(workspaceId));
    }

    private static Entry entry(String json) {
        try {
            return JSON.readValue(json, Entry.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
