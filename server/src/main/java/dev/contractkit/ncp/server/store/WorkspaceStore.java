package dev.contractkit.ncp.server.store;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The workspaces of the mock, in memory or in Redis (shared by replicas: a workspace made on one is used on
 * every other at once). An expired workspace is never answered; it is removed when the next one is created.
 * Knows nothing of HTTP.
 */
public interface WorkspaceStore {

    /**
     * Adds a workspace unless {@code limit} live ones exist already (expired ones are removed first, and
     * answered, so their tenants' data can go too). Answers whether it was added, and the expired ones removed.
     */
    Uni<Created> create(Workspace workspace, int limit, Instant now);

    /** What {@link #create} did. */
    record Created(boolean added, List<Workspace> expired) {
    }

    Uni<Optional<Workspace>> find(String workspaceId, Instant now);

    Uni<Optional<Workspace>> byAccessKey(String accessKey, Instant now);

    /** Writes the workspace's new expiry. */
    Uni<Void> renew(Workspace renewed);

    /** Answers the workspace that was there. */
    Uni<Optional<Workspace>> delete(String workspaceId);

    /** Every live workspace (expired ones left out), oldest first. */
    Uni<List<Workspace>> list(Instant now);
}
