package dev.contractkit.ncp.server.store;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Supplier;

/**
 * Request journals, one per tenant (a workspace's, or the configured tenants' one), each holding its newest entries
 * up to its cap, oldest first. Entries are opaque text (the journal's JSON): the store keeps and returns them. In
 * memory, or in Redis, where every replica writes to and reads from the same journals.
 */
public interface JournalStore {
    /** The journal of a workspace's calls, or, for null, of the configured tenants' calls. */
    static String journalOf(String workspaceId) {
        return workspaceId == null ? "mock" : "ws-" + workspaceId;
    }

    /**
     * Appends an entry to the journal, dropping its oldest past the cap. The entry's text is asked for only when it
     * is read or written out, never on the request that is recorded. Never fails that request: a store that cannot
     * take the entry loses it, and says so in its log.
     */
    void add(String journalId, Supplier<String> entry);

    /** The journal's entries, oldest first. */
    Uni<List<String>> entries(String journalId);

    /** How many entries the journal holds (0 for one never written). */
    Uni<Long> size(String journalId);

    /** Forgets the journal (a workspace gone, or a DELETE of the journal). */
    Uni<Void> clear(String journalId);
}
