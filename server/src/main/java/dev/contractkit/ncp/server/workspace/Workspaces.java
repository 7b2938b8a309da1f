package dev.contractkit.ncp.server.workspace;

import dev.contractkit.ncp.server.auth.WorkspaceRequests;
import dev.contractkit.ncp.server.config.NcpMockConfig;
import dev.contractkit.ncp.server.seed.WorkspaceSeeds;
import dev.contractkit.ncp.server.store.ApiKeyStore;
import dev.contractkit.ncp.server.store.KeyValueGenerator;
import dev.contractkit.ncp.server.store.Workspace;
import dev.contractkit.ncp.server.store.WorkspaceStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Workspaces of a shared mock: made on demand, each a tenant of its own seeded like any tenant (or from a
 * seed of its own), used by its credentials or under its prefix, renewed by use, gone when deleted or idle
 * past its time. Ids and secrets come from the mock's generator (SecureRandom, or repeatable with
 * {@code ncp.mock.random-seed}). Knows nothing of HTTP.
 */
@ApplicationScoped
public class Workspaces implements WorkspaceRequests.Arrivals {
    private static final Logger LOG = Logger.getLogger(Workspaces.class);
    static final long MIN_TTL_SECONDS = 60;
    static final long MAX_TTL_SECONDS = 7 * 24 * 3600;

    private final WorkspaceStore workspaces;
    private final ApiKeyStore store;
    private final WorkspaceSeeds seed;
    private final KeyValueGenerator generator;
    private final Clock clock;
    private final NcpMockConfig config;

    public Workspaces(WorkspaceStore workspaces, ApiKeyStore store, WorkspaceSeeds seed, KeyValueGenerator generator, Clock clock, NcpMockConfig config) {
        this.workspaces = workspaces;
        this.store = store;
        this.seed = seed;
        this.generator = generator;
        this.clock = clock;
        this.config = config;
    }

    /** What {@code POST /mock/workspaces} asks for; nulls take the defaults. */
    public record Request(String name, Long ttlSeconds, Boolean contractTesting, String seed) {
    }

    /** A request the mock refuses (400 "100"), or the limit of live workspaces reached (429 "400"). */
    public static final class RefusedException extends RuntimeException {
        private final boolean limitReached;

        RefusedException(String message, boolean limitReached) {
            super(message, null, false, false);
            this.limitReached = limitReached;
        }

        public boolean limitReached() {
            return limitReached;
        }
    }

    public Uni<Workspace> create(Request request) {
        long ttl = request.ttlSeconds() != null ? request.ttlSeconds() : config.workspaceTtl().toSeconds();
        if (ttl < MIN_TTL_SECONDS || ttl > MAX_TTL_SECONDS) {
            throw new RefusedException("ttlSeconds must be from " + MIN_TTL_SECONDS + " to " + MAX_TTL_SECONDS + ", not " + ttl + ".", false);
        }
        if (request.name() != null && request.name().length() > 100) {
            throw new RefusedException("name must be at most 100 characters.", false);
        }
        if (request.seed() != null) {
            try {
                seed.check(request.seed());
            } catch (IllegalArgumentException wrong) {
                throw new RefusedException("seed: " + wrong.getMessage(), false);
            }
        }
        Instant now = clock.instant();
        String id = generator.apiKeyId();
        Workspace workspace = new Workspace(id, request.name() != null ? request.name() : "workspace-" + id, generator.accessKey(),
                generator.keyValue(), Boolean.TRUE.equals(request.contractTesting()), ttl, now.plusSeconds(ttl), request.seed());
        return workspaces.create(workspace, config.workspaceLimit(), now).chain(created -> {
            Uni<Void> forgetExpired = Uni.createFrom().voidItem();
            for (Workspace expired : created.expired()) {
                forgetExpired = forgetExpired.chain(() -> forget(expired));
            }
            if (!created.added()) {
                return forgetExpired.chain(() -> Uni.createFrom().failure(new RefusedException("The mock holds its limit of "
                        + config.workspaceLimit() + " live workspaces (ncp.mock.workspace-limit); delete one first.", true)));
            }
            return forgetExpired.chain(() -> reset(workspace)).invoke(() -> LOG.infof("workspace %s created", workspace)).replaceWith(workspace);
        });
    }

    public Uni<Optional<Workspace>> find(String workspaceId) {
        return workspaces.find(workspaceId, clock.instant());
    }

    public Uni<Optional<Workspace>> byAccessKey(String accessKey) {
        return workspaces.byAccessKey(accessKey, clock.instant());
    }

    /** Deletes the workspace and its data; answers the workspace that was there. */
    public Uni<Optional<Workspace>> delete(String workspaceId) {
        return workspaces.delete(workspaceId).call(gone -> gone.map(this::forget).orElse(Uni.createFrom().voidItem()));
    }

    /** The workspace's data back to its seed; no other tenant is touched. */
    public Uni<Integer> reset(Workspace workspace) {
        return seed.resetWorkspace(workspace, WorkspaceRequests.tenant(workspace));
    }

    @Override
    public void arrived(Workspace workspace) {
        seed.knowProductsOf(workspace);
        Instant now = clock.instant();
        if (workspace.dueForRenewal(now)) {
            workspaces.renew(workspace.renewed(now)).subscribe().with(done -> { }, failure -> LOG.debugf("cannot renew %s: %s", workspace, failure));
        }
    }

    private Uni<Void> forget(Workspace workspace) {
        seed.forgetWorkspace(workspace);
        return store.forget(workspace.tenantId()).invoke(() -> LOG.infof("workspace %s gone with its data", workspace.workspaceId()));
    }
}
