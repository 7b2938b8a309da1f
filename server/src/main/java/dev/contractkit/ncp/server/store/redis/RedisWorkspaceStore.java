package dev.contractkit.ncp.server.store.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.store.Workspace;
import dev.contractkit.ncp.server.store.WorkspaceStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The workspaces in Redis, one hash tag for all of them: {@code ncp:{workspaces}:all} (id to the workspace as
 * JSON) and {@code ncp:{workspaces}:keys} (access key to id). Creation (with the removal of expired ones and
 * the limit), renewal and deletion are each one Lua script, so replicas never disagree.
 */
public class RedisWorkspaceStore implements WorkspaceStore {
    private static final String[] KEYS = {"ncp:{workspaces}:all", "ncp:{workspaces}:keys"};
    private static final LuaScript CREATE = LuaScript.load("workspace-create");
    private static final LuaScript BY_KEY = LuaScript.load("workspace-by-key");
    private static final LuaScript RENEW = LuaScript.load("workspace-renew");
    private static final LuaScript DELETE = LuaScript.load("workspace-delete");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RedisTransport redis;

    /** On the transport every store of the backend shares ({@link RedisStores}). */
    RedisWorkspaceStore(RedisTransport redis) {
        this.redis = redis;
    }

    /** A workspace as stored; the field names the scripts read are {@code accessKey} and {@code expiresAtMillis}. */
    record WorkspaceJson(String workspaceId, String name, String accessKey, String secretKey, boolean contractTesting, long ttlSeconds,
            long expiresAtMillis, String seed, Long createdAtMillis) {
    }

    static String write(Workspace w) {
        try {
            return JSON.writeValueAsString(new WorkspaceJson(w.workspaceId(), w.name(), w.accessKey(), w.secretKey(), w.contractTesting(),
                    w.ttlSeconds(), w.expiresAt().toEpochMilli(), w.seed(), w.createdAt().toEpochMilli()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a workspace as JSON", e);
        }
    }

    static Workspace read(String text) {
        try {
            WorkspaceJson w = JSON.readValue(text, WorkspaceJson.class);
            Instant expiresAt = Instant.ofEpochMilli(w.expiresAtMillis());
            // a workspace stored before creation times were kept: its last use stands in
            Instant createdAt = w.createdAtMillis() != null ? Instant.ofEpochMilli(w.createdAtMillis()) : expiresAt.minusSeconds(w.ttlSeconds());
            return new Workspace(w.workspaceId(), w.name(), w.accessKey(), w.secretKey(), w.contractTesting(), w.ttlSeconds(), expiresAt,
                    w.seed(), createdAt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored workspace is not the JSON this store writes", e);
        }
    }

    @Override
    public Uni<Created> create(Workspace workspace, int limit, Instant now) {
        return redis.eval(CREATE, KEYS, workspace.workspaceId(), workspace.accessKey(), write(workspace), Integer.toString(limit),
                Long.toString(now.toEpochMilli())).map(answer -> {
                    List<Workspace> expired = new ArrayList<>();
                    for (int i = 1; i < answer.size(); i++) {
                        expired.add(read(answer.get(i).toString()));
                    }
                    return new Created(answer.get(0).toInteger() == 1, expired);
                });
    }

    @Override
    public Uni<Optional<Workspace>> find(String workspaceId, Instant now) {
        return redis.send(Request.cmd(Command.HGET).arg(KEYS[0]).arg(workspaceId))
                .map(answer -> RedisTransport.text(answer).map(RedisWorkspaceStore::read).filter(found -> !found.expired(now)));
    }

    @Override
    public Uni<Optional<Workspace>> byAccessKey(String accessKey, Instant now) {
        return redis.eval(BY_KEY, KEYS, accessKey)
                .map(answer -> RedisTransport.text(answer).map(RedisWorkspaceStore::read).filter(found -> !found.expired(now)));
    }

    @Override
    public Uni<Void> renew(Workspace renewed) {
        return redis.eval(RENEW, KEYS, renewed.workspaceId(), write(renewed)).replaceWithVoid();
    }

    @Override
    public Uni<List<Workspace>> list(Instant now) {
        return redis.send(Request.cmd(Command.HVALS).arg(KEYS[0])).map(answer -> {
            List<Workspace> live = new ArrayList<>();
            for (int i = 0; i < answer.size(); i++) {
                Workspace workspace = read(answer.get(i).toString());
                if (!workspace.expired(now)) {
                    live.add(workspace);
                }
            }
            live.sort(Comparator.comparing(Workspace::createdAt));
            return live;
        });
    }

    @Override
    public Uni<Optional<Workspace>> delete(String workspaceId) {
        return redis.eval(DELETE, KEYS, workspaceId).map(answer -> RedisTransport.text(answer).map(RedisWorkspaceStore::read));
    }
}
