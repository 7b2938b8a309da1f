package dev.contractkit.ncp.server.store;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The workspaces of one process, under one lock. */
public class InMemoryWorkspaceStore implements WorkspaceStore {
    private final Map<String, Workspace> byId = new LinkedHashMap<>();
    private final Map<String, String> idByAccessKey = new LinkedHashMap<>();

    @Override
    public synchronized Uni<Created> create(Workspace workspace, int limit, Instant now) {
        List<Workspace> expired = new ArrayList<>(byId.values().stream().filter(existing -> existing.expired(now)).toList());
        expired.forEach(gone -> remove(gone.workspaceId()));
        if (byId.size() >= limit) {
            return Uni.createFrom().item(new Created(false, expired));
        }
        byId.put(workspace.workspaceId(), workspace);
        idByAccessKey.put(workspace.accessKey(), workspace.workspaceId());
        return Uni.createFrom().item(new Created(true, expired));
    }

    @Override
    public synchronized Uni<Optional<Workspace>> find(String workspaceId, Instant now) {
        return Uni.createFrom().item(Optional.ofNullable(byId.get(workspaceId)).filter(found -> !found.expired(now)));
    }

    @Override
    public synchronized Uni<Optional<Workspace>> byAccessKey(String accessKey, Instant now) {
        String id = idByAccessKey.get(accessKey);
        return id == null ? Uni.createFrom().item(Optional.empty()) : find(id, now);
    }

    @Override
    public synchronized Uni<Void> renew(Workspace renewed) {
        byId.computeIfPresent(renewed.workspaceId(), (id, current) -> renewed);
        return Uni.createFrom().voidItem();
    }

    @Override
    public synchronized Uni<Optional<Workspace>> delete(String workspaceId) {
        return Uni.createFrom().item(Optional.ofNullable(remove(workspaceId)));
    }

    @Override
    public synchronized Uni<List<Workspace>> list(Instant now) {
        return Uni.createFrom().item(byId.values().stream().filter(workspace -> !workspace.expired(now))
                .sorted(Comparator.comparing(Workspace::createdAt)).toList());
    }

    private Workspace remove(String workspaceId) {
        Workspace gone = byId.remove(workspaceId);
        if (gone != null) {
            idByAccessKey.remove(gone.accessKey());
        }
        return gone;
    }
}
