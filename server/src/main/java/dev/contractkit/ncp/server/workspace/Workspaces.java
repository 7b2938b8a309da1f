package dev.contractkit.ncp.server.workspace;

import dev.contractkit.ncp.server.auth.RequestScope;
import dev.contractkit.ncp.server.config.NcpMockConfig;
import dev.contractkit.ncp.server.error.NcpErrorCode;
import dev.contractkit.ncp.server.error.NcpException;
import dev.contractkit.ncp.server.seed.WorkspaceSeeds;
import dev.contractkit.ncp.server.store.KeyStore;
import dev.contractkit.ncp.server.store.JournalStore;
import dev.contractkit.ncp.server.store.KeyValueGenerator;
import dev.contractkit.ncp.server.store.Workspace;
import dev.contractkit.ncp.server.store.WorkspaceStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Workspaces of a shared mock: made on demand, each a tenant of its own seeded like any tenant (or from a
 * seed of its own), used by its credentials or under its prefix, renewed by use, gone when deleted or idle
 * past its time. Ids and secrets come from the mock's generator (SecureRandom, or repeatable with
 * {@code ncp.mock.random-seed}). Knows nothing of HTTP.
 */
@ApplicationScoped
public class Workspaces {
    private static final Logger LOG = Logger.getLogger(Workspaces.class);
    static final long MIN_TTL_SECONDS = 60;

    private final WorkspaceStore workspaces;
    private final KeyStore store;
    private final WorkspaceSeeds seed;
    private final KeyValueGenerator generator;
    private final Clock clock;
    private final NcpMockConfig config;
    private final JournalStore journals;

    public Workspaces(WorkspaceStore workspaces, KeyStore store, WorkspaceSeeds seed, KeyValueGenerator generator, Clock clock, NcpMockConfig config,
            JournalStore journals) {
        this.journals = journals;
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

    /** A request the mock refuses (400 "100"), a seed too large (413 "430"), or the limit of live workspaces reached (429 "400"). */
    public static final class RefusedException extends NcpException {
        RefusedException(String message, NcpErrorCode code) {
            super(code, message);
        }
    }

    /** The largest body {@code POST /mock/workspaces} is read from: the seed's limit and room for the other fields. */
    public long maxRequestBytes() {
        return config.workspaceSeedBytes().asLongValue() + 4096;
    }

    public Uni<Workspace> create(Request request) {
        long maxTtl = Math.max(MIN_TTL_SECONDS, config.workspaceMaxTtl().toSeconds());
        long ttl = request.ttlSeconds() != null ? request.ttlSeconds() : Math.min(config.workspaceTtl().toSeconds(), maxTtl);
        if (ttl < MIN_TTL_SECONDS || ttl > maxTtl) {
            throw new RefusedException("ttlSeconds must be from " + MIN_TTL_SECONDS + " to " + maxTtl
                    + " (ncp.mock.workspace-max-ttl), not " + ttl + ".", NcpErrorCode.BAD_REQUEST);
        }
        if (request.name() != null && request.name().length() > 100) {
            throw new RefusedException("name must be at most 100 characters.", NcpErrorCode.BAD_REQUEST);
        }
        long seedBytes = config.workspaceSeedBytes().asLongValue();
        if (request.seed() != null && request.seed().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > seedBytes) {
            throw new RefusedException("seed is larger than " + seedBytes + " bytes (ncp.mock.workspace-seed-bytes).", NcpErrorCode.REQUEST_ENTITY_TOO_LARGE);
        }
        if (request.seed() != null) {
            try {
                seed.check(request.seed());
            } catch (IllegalArgumentException wrong) {
                throw new RefusedException("seed: " + wrong.getMessage(), NcpErrorCode.BAD_REQUEST);
            }
        }
        Instant now = clock.instant();
        String id = generator.apiKeyId();
        Workspace workspace = new Workspace(id, request.name() != null ? request.name() : "workspace-" + id, generator.accessKey(),
                generator.keyValue(), Boolean.TRUE.equals(request.contractTesting()), ttl, now.plusSeconds(ttl), request.seed(), now);
        return workspaces.create(workspace, config.workspaceLimit(), now).chain(created -> {
            Uni<Void> forgetExpired = Uni.createFrom().voidItem();
            for (Workspace expired : created.expired()) {
                forgetExpired = forgetExpired.chain(() -> forget(expired));
            }
            if (!created.added()) {
                return forgetExpired.chain(() -> Uni.createFrom().failure(new RefusedException("The mock holds its limit of "
                        + config.workspaceLimit() + " live workspaces (ncp.mock.workspace-limit); delete one first.", NcpErrorCode.QUOTA_EXCEEDED)));
            }
            // a workspace whose seeding failed is not left behind, half made
            return forgetExpired.chain(() -> reset(workspace)).onFailure().call(failure -> delete(workspace.workspaceId()))
                    .invoke(() -> LOG.infof("workspace %s created", workspace)).replaceWith(workspace);
        });
    }

    /** A live workspace as an operator sees it: no secret, its last use and how many keys it holds. */
    public record Summary(Workspace workspace, int keyCount) {
    }

    /** Every live workspace, oldest first, with its key count. */
    public Uni<List<Summary>> list() {
        return workspaces.list(clock.instant()).chain(all -> {
            if (all.isEmpty()) {
                return Uni.createFrom().item(List.<Summary>of());
            }
            List<Uni<Summary>> counted = all.stream().map(workspace -> store.keyCount(workspace.tenantId())
                    .map(count -> new Summary(workspace, count))).toList();
            return Uni.join().all(counted).andFailFast();
        });
    }

    /** Deletes every workspace unused for {@code idleFor} or longer, with its data; answers those deleted. */
    public Uni<List<Workspace>> purgeIdle(Duration idleFor) {
        Instant before = clock.instant().minus(idleFor);
        return workspaces.list(clock.instant()).chain(all -> {
            List<Workspace> idle = all.stream().filter(workspace -> !workspace.lastUsedAt().isAfter(before)).toList();
            Uni<List<Workspace>> deleted = Uni.createFrom().item(new ArrayList<>());
            for (Workspace workspace : idle) {
                deleted = deleted.call(gone -> delete(workspace.workspaceId()).invoke(found -> found.ifPresent(gone::add)));
            }
            return deleted.invoke(ids -> {
                if (!ids.isEmpty()) {
                    LOG.infof("purged %d workspaces idle for %s or longer", ids.size(), idleFor);
                }
            });
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
        return seed.resetWorkspace(workspace, RequestScope.tenantOf(workspace));
    }

    /** Told each time a workspace is used, by its prefix or its credentials: renewals and this replica's view of it. */
    public void arrived(Workspace workspace) {
        seed.knowProductsOf(workspace);
        Instant now = clock.instant();
        if (workspace.dueForRenewal(now)) {
            workspaces.renew(workspace.renewed(now)).subscribe().with(done -> { }, failure -> LOG.debugf("cannot renew %s: %s", workspace, failure));
        }
    }

    private Uni<Void> forget(Workspace workspace) {
        seed.forgetWorkspace(workspace);
        return store.forget(workspace.tenantId()).chain(() -> journals.clear(JournalStore.journalOf(workspace.workspaceId())))
                .invoke(() -> LOG.infof("workspace %s gone with its data and its journal", workspace.workspaceId()));
    }
}
